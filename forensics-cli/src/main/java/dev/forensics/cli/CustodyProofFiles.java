package dev.forensics.cli;

import dev.forensics.checkpoint.NoteParseException;
import dev.forensics.checkpoint.SignedNote;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Reading and writing the files of the custody checkpoint and proof commands. */
final class CustodyProofFiles {

  /** Suffix of the RFC 3161 token saved beside a checkpoint file. */
  static final String TOKEN_SUFFIX = ".tst";

  private CustodyProofFiles() {}

  /** A signed note (a checkpoint file); a malformed one is a usage error naming the file. */
  static SignedNote readNote(CommandSpec spec, Path file) throws IOException {
    try {
      return SignedNote.parse(Files.readAllBytes(file));
    } catch (NoteParseException e) {
      throw new ParameterException(spec.commandLine(), Messages.get("custody.proof.error.malformed", file, e.getMessage()));
    }
  }

  /** The X.509 certificates of a PEM or DER file (trust anchors of a TSA). */
  static List<X509Certificate> readCertificates(CommandSpec spec, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      List<X509Certificate> out = new ArrayList<>();
      for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw new CertificateException("no certificate in the file");
      }
      return out;
    } catch (CertificateException e) {
      throw new ParameterException(spec.commandLine(), Messages.get("custody.proof.error.certificate", file, e.getMessage()));
    }
  }

  /** Writes a new file; an existing file is never overwritten (usage error). */
  static void writeNew(CommandSpec spec, Path file, byte[] bytes) throws IOException {
    try {
      Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new ParameterException(spec.commandLine(), Messages.get("custody.error.exists", file));
    }
  }

  /** Refuses, before any work, an output file that exists already (null: no file). */
  static void refuseExisting(CommandSpec spec, Path file) {
    if (file != null && Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new ParameterException(spec.commandLine(), Messages.get("custody.error.exists", file));
    }
  }

  /** The token file beside {@code checkpoint}. */
  static Path tokenBeside(Path checkpoint) {
    return checkpoint.resolveSibling(checkpoint.getFileName() + TOKEN_SUFFIX);
  }
}
