package dev.forensics.custody;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Custodian key files: an Ed25519 key pair as PEM, {@code NAME.key} (PKCS#8 {@code PRIVATE KEY}, or
 * {@code ENCRYPTED PRIVATE KEY} with a passphrase: PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC) and {@code
 * NAME.pub} (X.509 SubjectPublicKeyInfo {@code PUBLIC KEY}); both are readable by OpenSSL.
 */
public final class CustodianKeys {

  /** Suffix of private key files. */
  public static final String PRIVATE_SUFFIX = ".key";
  /** Suffix of public key files. */
  public static final String PUBLIC_SUFFIX = ".pub";

  private static final int PBKDF2_ITERATIONS = 200_000;
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private CustodianKeys() {}

  /** A new random key pair for the custodian {@code name}. */
  public static SigningKey generate(String name) {
    return new SigningKey(name, new Ed25519PrivateKeyParameters(new SecureRandom()));
  }

  /**
   * Writes {@code DIR/NAME.key} (mode 600 where the file system has POSIX permissions) and {@code
   * DIR/NAME.pub}; neither may exist.
   *
   * @param passphrase encrypts the private key when not null and not empty
   * @return the two files written, private first
   */
  public static Path[] write(SigningKey key, Path dir, char[] passphrase) throws IOException {
    Path priv = dir.resolve(key.name() + PRIVATE_SUFFIX);
    Path pub = dir.resolve(key.name() + PUBLIC_SUFFIX);
    if (Files.exists(priv)) {
      throw new FileAlreadyExistsException(priv.toString());
    }
    if (Files.exists(pub)) {
      throw new FileAlreadyExistsException(pub.toString());
    }
    String privatePem = privatePem(key, passphrase);
    Set<PosixFilePermission> ownerOnly = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(priv, PosixFilePermissions.asFileAttribute(ownerOnly));
    } else {
      Files.createFile(priv);
    }
    Files.writeString(priv, privatePem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    Files.writeString(pub, publicPem(key.custodian().key()), StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
    return new Path[] {priv, pub};
  }

  /** The private key as PEM: PKCS#8, encrypted when a passphrase is given. */
  public static String privatePem(SigningKey key, char[] passphrase) throws IOException {
    // version 1 PKCS#8 (RFC 8410 section 7) without the optional public key: what OpenSSL writes and reads
    PrivateKeyInfo info =
        new PrivateKeyInfo(
            new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
            new DEROctetString(key.parameters().getEncoded()));
    PemObject pem;
    if (passphrase == null || passphrase.length == 0) {
      pem = new PemObject("PRIVATE KEY", info.getEncoded());
    } else {
      try {
        OutputEncryptor enc =
            new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                .setPRF(PKCS8Generator.PRF_HMACSHA256)
                .setIterationCount(PBKDF2_ITERATIONS)
                .setProvider(BC)
                .setPassword(passphrase)
                .build();
        pem = new PKCS8Generator(info, enc).generate();
      } catch (OperatorCreationException e) {
        throw new IllegalStateException("cannot create the key encryptor", e);
      }
    }
    return pem(pem);
  }

  /** The public key as PEM (SubjectPublicKeyInfo). */
  public static String publicPem(CustodianKey key) throws IOException {
    SubjectPublicKeyInfo info =
        SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(new Ed25519PublicKeyParameters(key.raw(), 0));
    return pem(new PemObject("PUBLIC KEY", info.getEncoded()));
  }

  private static String pem(PemObject o) throws IOException {
    StringWriter sw = new StringWriter();
    try (PemWriter w = new PemWriter(sw)) {
      w.writeObject(o);
    }
    return sw.toString();
  }

  /**
   * Reads a private key file; the custodian's name is the file name without {@code .key}.
   *
   * @param passphrase asked only when the file is encrypted
   * @throws KeyFileException when the file is not an Ed25519 private key or the passphrase is wrong
   */
  public static SigningKey readPrivate(Path file, Supplier<char[]> passphrase) throws IOException {
    return readPrivate(file, nameOf(file, PRIVATE_SUFFIX), passphrase);
  }

  /** Reads a private key file for the custodian {@code name}; see {@link #readPrivate(Path, Supplier)}. */
  public static SigningKey readPrivate(Path file, String name, Supplier<char[]> passphrase) throws IOException {
    Object o = readPem(file);
    PrivateKeyInfo info;
    if (o instanceof PrivateKeyInfo p) {
      info = p;
    } else if (o instanceof PKCS8EncryptedPrivateKeyInfo enc) {
      char[] pass = passphrase == null ? null : passphrase.get();
      if (pass == null || pass.length == 0) {
        throw new KeyFileException(file + ": the private key is encrypted: a passphrase is needed");
      }
      try {
        info = enc.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(pass));
      } catch (PKCSException | OperatorCreationException e) {
        throw new KeyFileException(file + ": wrong passphrase or damaged key file", e);
      }
    } else {
      throw new KeyFileException(file + ": not a PKCS#8 private key (PEM 'PRIVATE KEY' or 'ENCRYPTED PRIVATE KEY')");
    }
    AsymmetricKeyParameter k;
    try {
      k = PrivateKeyFactory.createKey(info);
    } catch (IOException | RuntimeException e) {
      throw new KeyFileException(file + ": unreadable private key: " + e.getMessage(), e);
    }
    if (!(k instanceof Ed25519PrivateKeyParameters ed)) {
      throw new KeyFileException(file + ": not an Ed25519 key");
    }
    return new SigningKey(name, ed);
  }

  /**
   * Reads a public key file ({@code NAME.pub}); the custodian's name is the file name without {@code
   * .pub}.
   */
  public static Custodian readPublic(Path file) throws IOException {
    Object o = readPem(file);
    if (!(o instanceof SubjectPublicKeyInfo info)) {
      throw new KeyFileException(file + ": not a PEM 'PUBLIC KEY'");
    }
    AsymmetricKeyParameter k;
    try {
      k = PublicKeyFactory.createKey(info);
    } catch (IOException | RuntimeException e) {
      throw new KeyFileException(file + ": unreadable public key: " + e.getMessage(), e);
    }
    if (!(k instanceof Ed25519PublicKeyParameters ed)) {
      throw new KeyFileException(file + ": not an Ed25519 key");
    }
    return new Custodian(nameOf(file, PUBLIC_SUFFIX), new CustodianKey(ed.getEncoded()));
  }

  /** Every {@code *.pub} file of a folder, sorted by name. */
  public static java.util.List<Custodian> readFolder(Path dir) throws IOException {
    java.util.List<Path> files = new java.util.ArrayList<>();
    try (var ds = Files.newDirectoryStream(dir, "*" + PUBLIC_SUFFIX)) {
      ds.forEach(files::add);
    }
    files.sort(null);
    java.util.List<Custodian> out = new java.util.ArrayList<>();
    for (Path f : files) {
      out.add(readPublic(f));
    }
    return out;
  }

  private static Object readPem(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
      Object o = p.readObject();
      if (o == null) {
        throw new KeyFileException(file + ": no PEM object found");
      }
      return o;
    } catch (KeyFileException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      if (e instanceof java.nio.file.NoSuchFileException || e instanceof java.nio.file.AccessDeniedException) {
        throw e;
      }
      throw new KeyFileException(file + ": not a PEM key file: " + e.getMessage(), e);
    }
  }

  private static String nameOf(Path file, String suffix) {
    String n = file.getFileName().toString();
    if (n.endsWith(suffix)) {
      n = n.substring(0, n.length() - suffix.length());
    }
    try {
      return Custodian.checkName(n);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": the file name gives the custodian's name: " + e.getMessage(), e);
    }
  }

}
