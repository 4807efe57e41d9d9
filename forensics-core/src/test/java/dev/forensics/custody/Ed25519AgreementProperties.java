package dev.forensics.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.forensics.custody.internal.NativeEd25519;
import java.math.BigInteger;
import java.security.SignatureException;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The ledger's signature check (libsodium first when the machine has it, Bouncy Castle for everything
 * libsodium does not accept) decides exactly as Bouncy Castle alone, for valid, mutated and
 * non-canonical signatures.
 */
class Ed25519AgreementProperties {

  private static final HexFormat HEX = HexFormat.of();
  private static final BigInteger L =
      BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
  private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

  /** Encodings of the points of small order (identity, order 2, 4 and 8), as libsodium lists them. */
  private static final List<String> SMALL_ORDER = List.of(
      "0100000000000000000000000000000000000000000000000000000000000000",
      "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "0000000000000000000000000000000000000000000000000000000000000000",
      "0000000000000000000000000000000000000000000000000000000000000080",
      "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
      "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
      "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
      "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85");

  /** How a valid signature is altered before it is checked. */
  enum Mutation { NONE, FLIP_SIGNATURE_BIT, FLIP_MESSAGE_BIT, S_PLUS_L, S_ZERO, SMALL_ORDER_R, NON_CANONICAL_R }

  @Property(tries = 1000)
  void ledgerCheckDecidesAsBouncyCastle(
      @ForAll @Size(32) byte[] seed,
      @ForAll @Size(max = 300) byte[] message,
      @ForAll Mutation mutation,
      @ForAll @IntRange(min = 0, max = 511) int pick) {
    byte[] pk = new byte[32];
    Ed25519.generatePublicKey(seed, 0, pk, 0);
    byte[] sig = new byte[64];
    Ed25519.sign(seed, 0, message, 0, message.length, sig, 0);
    byte[] msg = message.clone();
    switch (mutation) {
      case NONE -> { }
      case FLIP_SIGNATURE_BIT -> sig[pick / 8] ^= (byte) (1 << (pick % 8));
      case FLIP_MESSAGE_BIT -> {
        if (msg.length > 0) {
          msg[(pick / 8) % msg.length] ^= (byte) (1 << (pick % 8));
        }
      }
      case S_PLUS_L -> {
        BigInteger s = littleEndian(sig, 32).add(L);
        if (s.bitLength() <= 256) {
          System.arraycopy(toLittleEndian(s), 0, sig, 32, 32);
        }
      }
      case S_ZERO -> java.util.Arrays.fill(sig, 32, 64, (byte) 0);
      case SMALL_ORDER_R -> System.arraycopy(HEX.parseHex(SMALL_ORDER.get(pick % SMALL_ORDER.size())), 0, sig, 0, 32);
      case NON_CANONICAL_R -> {
        // y + p for a small y: the same field element as y, in a non-canonical encoding
        byte[] r = toLittleEndian(P.add(BigInteger.valueOf(pick % 19)));
        r[31] |= (byte) ((pick & 1) << 7);
        System.arraycopy(r, 0, sig, 0, 32);
      }
    }
    boolean bouncyCastle = Ed25519.verify(sig, 0, pk, 0, msg, 0, msg.length);
    assertThat(ledgerCheck(pk, msg, sig, true)).as(mutation.toString()).isEqualTo(bouncyCastle);
    assertThat(ledgerCheck(pk, msg, sig, false)).as(mutation.toString()).isEqualTo(bouncyCastle);
    if (NativeEd25519.accepts(sig, msg, pk)) {
      assertThat(bouncyCastle).as("libsodium accepted what Bouncy Castle rejects: " + mutation).isTrue();
    }
    if (mutation == Mutation.NONE) {
      assertThat(bouncyCastle).isTrue();
    }
  }

  @Example
  void rfc8032FirstTestVectorVerifiesOnBothPaths() {
    byte[] pk = HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    byte[] sig = HEX.parseHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    assertThat(ledgerCheck(pk, new byte[0], sig, true)).isTrue();
    assertThat(ledgerCheck(pk, new byte[0], sig, false)).isTrue();
    assertThat(Ed25519.verify(sig, 0, pk, 0, new byte[0], 0, 0)).isTrue();
    if (NativeEd25519.version().isPresent()) {
      assertThat(NativeEd25519.accepts(sig, new byte[0], pk)).isTrue();
    }
  }

  @Example
  void libsodiumIsUsedWhenTheMachineHasIt() {
    assumeTrue(NativeEd25519.version().isPresent(),
        "libsodium 1.0.18+ is not on this machine (" + NativeEd25519.unavailableReason().orElse("?")
            + "): only the Bouncy Castle path is tested; .ci/run installs libsodium23");
    byte[] seed = new byte[32];
    byte[] pk = new byte[32];
    Ed25519.generatePublicKey(seed, 0, pk, 0);
    byte[] msg = "custody".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] sig = new byte[64];
    Ed25519.sign(seed, 0, msg, 0, msg.length, sig, 0);
    assertThat(NativeEd25519.accepts(sig, msg, pk)).isTrue();
    sig[0] ^= 1;
    assertThat(NativeEd25519.accepts(sig, msg, pk)).isFalse();
  }

  @Example
  void anInvalidKeyIsRefusedBeforeAnySignatureCheck() {
    CustodianKey.Prepared p = new CustodianKey(HEX.parseHex(SMALL_ORDER.get(0))).prepare();
    assertThatThrownBy(() -> p.verify(new byte[0], new byte[64], true))
        .isInstanceOf(SignatureException.class)
        .hasMessageContaining("not a valid Ed25519 key");
  }

  private static boolean ledgerCheck(byte[] pk, byte[] msg, byte[] sig, boolean libsodium) {
    try {
      new CustodianKey(pk).prepare().verify(msg, sig, libsodium);
      return true;
    } catch (SignatureException e) {
      return false;
    }
  }

  private static BigInteger littleEndian(byte[] b, int off) {
    byte[] be = new byte[32];
    for (int i = 0; i < 32; i++) {
      be[i] = b[off + 31 - i];
    }
    return new BigInteger(1, be);
  }

  private static byte[] toLittleEndian(BigInteger v) {
    byte[] be = v.toByteArray();
    byte[] le = new byte[32];
    for (int i = 0; i < 32 && i < be.length; i++) {
      le[i] = be[be.length - 1 - i];
    }
    return le;
  }
}
