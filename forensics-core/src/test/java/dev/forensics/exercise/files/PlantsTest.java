package dev.forensics.exercise.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PlantsTest {

  static final Instant TIME = FileGeneratorsTest.TIME;
  static final ContentSource SOURCE = ContentSource.of(31);

  static GeneratedFile make(FileKind kind, String label) throws Exception {
    return FileGenerators.generate(SOURCE, kind, label, TIME);
  }

  static void assertPlantAt(Planted planted, byte[] payload) throws Exception {
    byte[] bytes = planted.file().content();
    Plant plant = planted.plant();
    assertThat(plant.length()).isEqualTo(payload.length);
    byte[] at = Arrays.copyOfRange(bytes, (int) plant.offset(), (int) (plant.offset() + plant.length()));
    assertThat(at).isEqualTo(payload);
    assertThat(plant.sha256().value()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(payload));
  }

  static void assertSamePicture(GeneratedFile original, GeneratedFile planted) throws Exception {
    BufferedImage a = ImageIO.read(new ByteArrayInputStream(original.content()));
    BufferedImage b = ImageIO.read(new ByteArrayInputStream(planted.content()));
    assertThat(b.getWidth()).isEqualTo(a.getWidth());
    assertThat(b.getHeight()).isEqualTo(a.getHeight());
    assertThat(b.getRGB(a.getWidth() / 2, a.getHeight() / 2)).isEqualTo(a.getRGB(a.getWidth() / 2, a.getHeight() / 2));
  }

  @ParameterizedTest
  @EnumSource(value = FileKind.class, names = {"JPEG", "PNG", "GIF"})
  void appendAfterEnd_payloadAtOldSize_pictureUnchanged_fileStillSaysImage(FileKind kind, @TempDir Path dir)
      throws Exception {
    GeneratedFile image = make(kind, "holiday." + kind.extension());
    byte[] payload = "account 4471 password tulip".getBytes(StandardCharsets.US_ASCII);
    Planted planted = Plants.appendAfterEnd(image, payload, "note after end");
    assertThat(planted.plant().offset()).isEqualTo(image.size());
    assertThat(planted.file().size()).isEqualTo(image.size() + payload.length);
    assertPlantAt(planted, payload);
    assertSamePicture(image, planted.file());
    assertThat(planted.file().kind()).isEqualTo(kind);
    assertThat(Plants.appendAfterEnd(image, payload, "note after end")).isEqualTo(planted);

    Tools.require("file");
    Path p = dir.resolve("planted");
    planted.file().writeTo(p);
    Tools.Result r = Tools.run(dir, "file", "--brief", "--mime-type", p.toString());
    assertThat(r.out().strip()).as(r.describe()).isEqualTo(kind.mediaType());
  }

  @Test
  void appendAfterEnd_twice_refused() throws Exception {
    GeneratedFile image = make(FileKind.PNG, "a.png");
    Planted once = Plants.appendAfterEnd(image, new byte[] {1, 2, 3}, "x");
    assertThatThrownBy(() -> Plants.appendAfterEnd(once.file(), new byte[] {4}, "y"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end marker");
    assertThatThrownBy(() -> Plants.appendAfterEnd(make(FileKind.PDF, "d.pdf"), new byte[] {4}, "y"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JPEG, PNG or GIF");
  }

  @Test
  void appendZip_unzipAndPythonListMembers(@TempDir Path dir) throws Exception {
    GeneratedFile image = make(FileKind.JPEG, "cat.jpg");
    GeneratedFile zip = make(FileKind.ZIP, "hidden.zip");
    Planted planted = Plants.appendZip(image, zip);
    assertPlantAt(planted, zip.content());
    assertSamePicture(image, planted.file());
    Path p = dir.resolve("cat.jpg");
    planted.file().writeTo(p);

    Tools.require("unzip");
    Tools.Result t = Tools.run(dir, "unzip", "-t", p.toString());
    // exit code 1: warning "extra bytes at beginning", the archive itself tests fine
    assertThat(t.exitCode()).as(t.describe()).isIn(0, 1);
    assertThat(t.out()).contains("No errors detected");
    assertThat(t.err() + t.out()).contains(image.size() + " extra bytes at beginning");
    Tools.require("python3");
    Tools.Result py = Tools.run(dir, "python3", "-c",
        "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(len(z.namelist()))",
        p.toString());
    assertThat(py.exitCode()).as(py.describe()).isZero();
    assertThat(Integer.parseInt(py.out().strip())).isGreaterThanOrEqualTo(3);

    assertThatThrownBy(() -> Plants.appendZip(image, make(FileKind.TAR, "t.tar")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a ZIP");
  }

  @Test
  void embedInJpegComment_payloadInComSegment_fileShowsComment(@TempDir Path dir) throws Exception {
    GeneratedFile jpeg = make(FileKind.JPEG, "boat.jpg");
    byte[] payload = "meet at pier 7 on friday".getBytes(StandardCharsets.US_ASCII);
    Planted planted = Plants.embedInJpegComment(jpeg, payload, "comment");
    assertPlantAt(planted, payload);
    byte[] b = planted.file().content();
    int at = (int) planted.plant().offset();
    assertThat(b[at - 4] & 0xFF).isEqualTo(0xFF);
    assertThat(b[at - 3] & 0xFF).isEqualTo(0xFE);
    assertThat(((b[at - 2] & 0xFF) << 8) | (b[at - 1] & 0xFF)).isEqualTo(payload.length + 2);
    assertSamePicture(jpeg, planted.file());

    Tools.require("file");
    Path p = dir.resolve("boat.jpg");
    planted.file().writeTo(p);
    Tools.Result r = Tools.run(dir, "file", "--brief", p.toString());
    assertThat(r.out()).as(r.describe()).startsWith("JPEG image data").contains("comment: \"meet at pier 7 on friday\"");

    assertThatThrownBy(() -> Plants.embedInJpegComment(jpeg, new byte[65534], "big"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Plants.embedInJpegComment(make(FileKind.PNG, "x.png"), payload, "c"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void duplicate_sameLabelGivesIdenticalFile() throws Exception {
    assertThat(make(FileKind.DOCX, "report.docx")).isEqualTo(make(FileKind.DOCX, "report.docx"));
  }
}
