package dev.forensics.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The RFC 9162 proof vectors from transparency-dev/merkle in {@code shared/testvectors/rfc9162}: every
 * {@code wantErr: false} vector verifies and every {@code wantErr: true} vector is rejected. Skipped when
 * the shared data is absent.
 */
class Rfc9162VectorsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The one vector this verifier rejects although it says {@code wantErr: false}: its "roots" are the
   * 12-byte strings "don't care 2". Upstream's Go verifier compares roots of equal-size trees with
   * bytes.Equal and never checks their length; here every hash is a 32-byte {@link MerkleHash} (RFC 9162
   * hashes are SHA-256), so such a root cannot even be constructed. The test below asserts exactly this.
   */
  private static final Set<String> NON_HASH_ROOTS =
      Set.of("consistency/additional/sizes-are-equal-one-and-proof-is-empty.json");

  private static Optional<Path> vectors() {
    return SharedData.find("testvectors/rfc9162");
  }

  private static Path requireVectors() {
    Optional<Path> dir = vectors();
    assumeTrue(dir.isPresent(), "RFC 9162 vectors not found: expected shared/testvectors/rfc9162 in the working "
        + "directory or a parent (the project's shared reference data beside the repository)");
    return dir.get();
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> inclusionVectors() throws IOException {
    Path root = requireVectors();
    List<Path> files = files(root.resolve("inclusion"));
    assertThat(files).hasSizeGreaterThan(50);
    return files.stream().map(f -> DynamicTest.dynamicTest(root.relativize(f).toString(), () -> {
      JsonNode v = JSON.readTree(f.toFile());
      boolean wantErr = v.get("wantErr").asBoolean();
      Throwable error = catchAll(() -> MerkleVerifier.verifyInclusion(
          MerkleHash.ofBase64(v.get("leafHash").asText()),
          v.get("leafIdx").asLong(),
          v.get("treeSize").asLong(),
          hashes(v.get("proof")),
          MerkleHash.ofBase64(v.get("root").asText())));
      check(v.get("desc").asText(), wantErr, error);
    }));
  }

  @TestFactory
  Stream<DynamicTest> consistencyVectors() throws IOException {
    Path root = requireVectors();
    List<Path> files = files(root.resolve("consistency"));
    assertThat(files).hasSizeGreaterThan(50);
    return files.stream()
        .filter(f -> !NON_HASH_ROOTS.contains(root.relativize(f).toString().replace('\\', '/')))
        .map(f -> DynamicTest.dynamicTest(root.relativize(f).toString(), () -> {
          JsonNode v = JSON.readTree(f.toFile());
          boolean wantErr = v.get("wantErr").asBoolean();
          Throwable error = catchAll(() -> MerkleVerifier.verifyConsistency(
              v.get("size1").asLong(),
              v.get("size2").asLong(),
              hashes(v.get("proof")),
              MerkleHash.ofBase64(v.get("root1").asText()),
              MerkleHash.ofBase64(v.get("root2").asText())));
          check(v.get("desc").asText(), wantErr, error);
        }));
  }

  @Test
  void vectorWithTwelveByteRoots_cannotBeExpressed() throws IOException {
    Path root = requireVectors();
    for (String name : NON_HASH_ROOTS) {
      JsonNode v = JSON.readTree(root.resolve(name).toFile());
      assertThat(v.get("wantErr").asBoolean()).isFalse();
      assertThat(Base64.getDecoder().decode(v.get("root1").asText())).hasSize(12);
      assertThatThrownBy(() -> MerkleHash.ofBase64(v.get("root1").asText()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a Merkle hash must be 32 bytes, got 12");
    }
  }

  private static void check(String desc, boolean wantErr, Throwable error) {
    if (wantErr && error == null) {
      fail("accepted a vector that must fail: " + desc);
    }
    if (!wantErr && error != null) {
      throw new AssertionError("rejected a valid vector: " + desc, error);
    }
    if (error != null) {
      // a rejection is either a failed verification or an unrepresentable (non-32-byte) hash
      assertThat(error).isInstanceOfAny(ProofVerificationException.class, IllegalArgumentException.class);
    }
  }

  private static List<MerkleHash> hashes(JsonNode array) {
    List<MerkleHash> out = new ArrayList<>();
    if (array != null && !array.isNull()) {
      array.forEach(n -> out.add(MerkleHash.ofBase64(n.asText())));
    }
    return out;
  }

  private interface Call {
    void run() throws Exception;
  }

  private static Throwable catchAll(Call c) {
    try {
      c.run();
      return null;
    } catch (Exception e) {
      return e;
    }
  }
}
