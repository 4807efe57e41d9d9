package dev.forensics.knownfiles.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class NameHeapTest {

  @Property(tries = 200)
  void add_get_roundTrips(@ForAll @Size(max = 300) List<@StringLength(max = 400) String> names) {
    NameHeap.Builder builder = NameHeap.builder();
    List<Long> refs = new ArrayList<>();
    for (String n : names) {
      refs.add(builder.add(n));
    }
    NameHeap heap = builder.build();

    for (int i = 0; i < names.size(); i++) {
      // unpaired surrogates do not survive UTF-8; compare what UTF-8 can carry
      String expected = new String(names.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8),
          java.nio.charset.StandardCharsets.UTF_8);
      assertThat(heap.get(refs.get(i))).isEqualTo(expected);
    }
  }

  @Test
  void add_nameLongerThanAChunk_roundTrips() {
    NameHeap.Builder builder = NameHeap.builder();
    long a = builder.add("a");
    String big = "x".repeat(3 << 20);
    long b = builder.add(big);
    long c = builder.add("ü");
    NameHeap heap = builder.build();

    assertThat(heap.get(a)).isEqualTo("a");
    assertThat(heap.get(b)).isEqualTo(big);
    assertThat(heap.get(c)).isEqualTo("ü");
  }
}
