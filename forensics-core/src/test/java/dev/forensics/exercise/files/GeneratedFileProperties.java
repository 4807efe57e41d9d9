package dev.forensics.exercise.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** For any seed, label and scenario time, every generated file reads back with the JDK's own readers. */
class GeneratedFileProperties {

  @Provide
  Arbitrary<String> labels() {
    return Arbitraries.strings().ofMinLength(1).ofMaxLength(40)
        .filter(s -> StandardCharsets.UTF_8.newEncoder().canEncode(s));
  }

  @Property(tries = 15)
  void anySeedLabelAndTime_givesReadableFiles(@ForAll long seed, @ForAll("labels") String label,
      @ForAll @LongRange(min = 315532800L, max = 4102444799L) long epochSecond) throws Exception {
    ContentSource source = ContentSource.of(seed);
    Instant time = Instant.ofEpochSecond(epochSecond);
    for (FileKind kind : new FileKind[] {FileKind.PNG, FileKind.GIF, FileKind.JPEG}) {
      byte[] b = FileGenerators.generate(source, kind, label, time).content();
      assertThat(ImageIO.read(new ByteArrayInputStream(b))).as(kind.name()).isNotNull();
    }
    for (FileKind kind : new FileKind[] {FileKind.ZIP, FileKind.DOCX, FileKind.XLSX}) {
      byte[] b = FileGenerators.generate(source, kind, label, time).content();
      int entries = 0;
      try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
        for (ZipEntry e; (e = zip.getNextEntry()) != null; entries++) {
          zip.readAllBytes();
          assertThat(e.getTime() / 1000).isBetween(epochSecond - 2 - 14 * 3600, epochSecond + 14 * 3600);
        }
      }
      assertThat(entries).as(kind.name()).isGreaterThanOrEqualTo(3);
    }
    byte[] gz = FileGenerators.generate(source, FileKind.GZIP, label, time).content();
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      assertThat(in.readAllBytes()).isNotEmpty();
    }
    byte[] tar = FileGenerators.generate(source, FileKind.TAR, label, time).content();
    assertThat(tar.length % 10240).isZero();
    assertThat(new String(tar, 257, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ustar");
    byte[] wav = FileGenerators.generate(source, FileKind.WAV, label, time).content();
    try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
      assertThat(in.getFormat().getSampleRate()).isEqualTo(8000f);
      assertThat(in.getFrameLength()).isPositive();
    }
    assertThat(FileGenerators.generate(source, FileKind.EML, label, time).content())
        .isEqualTo(FileGenerators.generate(ContentSource.of(seed), FileKind.EML, label, time).content());
  }
}
