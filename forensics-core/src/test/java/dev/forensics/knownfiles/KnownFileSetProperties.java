package dev.forensics.knownfiles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class KnownFileSetProperties {

  @Property(tries = 300)
  void membership_equalsHashSetOracle(
      @ForAll("digestLists") List<Digest> members, @ForAll("digestLists") List<Digest> others) {
    KnownFileSet.Builder builder = KnownFileSet.builder("p", HashSetKind.NOTABLE, HashSetFormat.IN_MEMORY);
    Set<String> oracle = new HashSet<>();
    Map<String, String> firstName = new HashMap<>();
    for (int i = 0; i < members.size(); i++) {
      Digest d = members.get(i);
      builder.add(DigestSet.of(d), "name-" + i);
      oracle.add(d.toString());
      firstName.putIfAbsent(d.toString(), "name-" + i);
    }
    KnownFileSet set = builder.build();

    List<Digest> probes = new ArrayList<>(members);
    probes.addAll(others);
    for (Digest d : members) {
      byte[] v = d.value();
      v[v.length - 1] ^= 1;
      probes.add(new Digest(d.algorithm(), v));
      v = d.value();
      v[0] ^= (byte) 0x80;
      probes.add(new Digest(d.algorithm(), v));
    }
    assertThat(set.size()).isEqualTo(oracle.size());
    for (Digest d : probes) {
      boolean expected = oracle.contains(d.toString());
      assertThat(set.contains(d)).as("%s", d).isEqualTo(expected);
      assertThat(set.match(DigestSet.of(d)).map(m -> m.fileName().orElseThrow()))
          .as("%s", d)
          .isEqualTo(java.util.Optional.ofNullable(firstName.get(d.toString())));
    }
  }

  @Provide
  Arbitrary<List<Digest>> digestLists() {
    Arbitrary<HashAlgorithm> algorithms =
        Arbitraries.of(HashAlgorithm.MD5, HashAlgorithm.SHA1, HashAlgorithm.SHA256, HashAlgorithm.SHA512);
    // bytes from a tiny alphabet give duplicates and long shared prefixes; random bytes give spread
    Arbitrary<Byte> narrow = Arbitraries.of((byte) 0, (byte) 1, (byte) 0x7F, (byte) 0x80, (byte) 0xFF);
    Arbitrary<Byte> bytes = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.bytes()), net.jqwik.api.Tuple.of(1, narrow));
    Arbitrary<Digest> digests =
        algorithms.flatMap(
            a ->
                Arbitraries.oneOf(
                    bytes.array(byte[].class).ofSize(a.lengthBytes()),
                    narrow.array(byte[].class).ofSize(a.lengthBytes()))
                    .map(b -> new Digest(a, b)));
    return digests.list().ofMaxSize(400);
  }
}
