package dev.forensics.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever is done to a real log (bytes changed, cut out, lines repeated), reading it either gives a log
 * or throws {@link AcquisitionLogException}: never another exception.
 */
class AcquisitionLogProperties {

  private static final List<byte[]> LOGS = load();

  private static List<byte[]> load() {
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/image/logs"))) {
      return files.sorted().map(f -> {
        try {
          return Files.readAllBytes(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One change: at a relative position, a kind of edit, and a byte. */
  record Mutation(double at, int kind, byte value, int length) {

    byte[] apply(byte[] log) {
      if (log.length == 0) {
        return new byte[] {value};
      }
      int i = Math.min(log.length - 1, (int) (at * log.length));
      int n = Math.min(length, log.length - i);
      return switch (kind) {
        case 0 -> { // overwrite one byte
          byte[] b = log.clone();
          b[i] = value;
          yield b;
        }
        case 1 -> concat(Arrays.copyOfRange(log, 0, i), Arrays.copyOfRange(log, i + n, log.length)); // cut
        case 2 -> concat(Arrays.copyOfRange(log, 0, i + n), Arrays.copyOfRange(log, i, log.length)); // repeat
        default -> concat(Arrays.copyOfRange(log, 0, i), new byte[] {value}, Arrays.copyOfRange(log, i, log.length));
      };
    }

    private static byte[] concat(byte[]... parts) {
      int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
      byte[] all = new byte[length];
      int at = 0;
      for (byte[] p : parts) {
        System.arraycopy(p, 0, all, at, p.length);
        at += p.length;
      }
      return all;
    }
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    Arbitrary<Byte> bytes = Arbitraries.oneOf(Arbitraries.bytes(),
        Arbitraries.of((byte) '\n', (byte) '\r', (byte) ':', (byte) ' ', (byte) '0', (byte) 'f', (byte) '-', (byte) 0));
    return Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 3), bytes,
        Arbitraries.integers().between(1, 200)).as(Mutation::new);
  }

  @Property(tries = 400)
  void mutatedLogs_giveALogOrAnAcquisitionLogException(
      @ForAll("logIndex") int index, @ForAll @Size(min = 1, max = 6) List<@From("mutations") Mutation> mutations)
      throws IOException {
    byte[] log = LOGS.get(index);
    for (Mutation m : mutations) {
      log = m.apply(log);
    }
    try {
      AcquisitionLog read = AcquisitionLog.read(new ByteArrayInputStream(log), "mutated.log");
      assertThat(read.mediaHashes().isEmpty()).isFalse();
    } catch (AcquisitionLogException e) {
      assertThat(e.getMessage()).startsWith("mutated.log:");
    }
  }

  @Provide
  Arbitrary<Integer> logIndex() {
    return Arbitraries.integers().between(0, LOGS.size() - 1);
  }
}
