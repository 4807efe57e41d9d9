package dev.forensics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code forensics hash} and {@code forensics verify} with disk images: an image is one entry holding its
 * media hash (what the acquisition log and ewfverify give), unless {@code --no-image}; both kinds of
 * manifest verify, and so do manifests of the segment files made by coreutils.
 */
class HashImagesCommandTest {

  @TempDir Path dir;
  Path evidence;

  @BeforeEach
  void folder() throws Exception {
    evidence = Files.createDirectories(dir.resolve("evidence"));
    Files.writeString(evidence.resolve("notes.txt"), "seized 2026-11-28\n");
    byte[] data = new byte[2 * 1024 * 1024 + 8192];
    new Random(7).nextBytes(data);
    Files.write(dir.resolve("source.raw"), data);
  }

  private String sum(String tool, String file) throws Exception {
    return Tools.run(dir, tool, file).split(" ")[0];
  }

  private void acquire(String segmentSize) throws Exception {
    Tools.run(dir, "ewfacquire", "-u", "-t", "evidence/disk", "-f", "encase6", "-c", "fast", "-S", segmentSize,
        "source.raw");
  }

  private CliRun hash(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "hash";
    all[1] = "--root";
    all[2] = dir.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return CliRun.run(all);
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void folderWithE01Set_manifestListsTheImageWithItsMediaHash_andVerifies() throws Exception {
    acquire("1MiB");
    assertThat(evidence.resolve("disk.E03")).exists();
    CliRun r = hash("-c", "md5,sha256", dir.resolve("evidence").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("\n" + Files.size(dir.resolve("source.raw")) + "," + sum("md5sum", "source.raw") + ","
            + sum("sha256sum", "source.raw") + ",evidence/disk.E01\n")
        .contains(",evidence/notes.txt\n")
        .doesNotContain("disk.E02");
    assertThat(r.err()).contains("note: evidence/disk.E01: EWF (E01) image of 3 files (disk.E01 … disk.E03) hashed "
        + "as one stream of 2105344 bytes of media; --no-image hashes the files themselves");

    Path manifest = write("images.hashdeep", r.out());
    CliRun v = CliRun.run("verify", "--root", dir.toString(), manifest.toString());
    assertThat(v.exit()).as(v.out() + v.err()).isZero();
    assertThat(v.out()).contains("MATCHED     evidence/disk.E01").contains("MATCHED     evidence/notes.txt")
        .contains("Summary: MATCHED 2, CHANGED 0, MOVED 0, NEW 0, MISSING 0, UNREADABLE 0");
  }

  @Test
  void noImage_hashesTheSegmentFiles_likeSha256sum_andVerifiesFileByFile() throws Exception {
    acquire("1MiB");
    CliRun r = hash("--no-image", "-c", "sha256", "-f", "gnu", dir.resolve("evidence").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains(sum("sha256sum", "evidence/disk.E01") + "  evidence/disk.E01\n")
        .contains(sum("sha256sum", "evidence/disk.E02") + "  evidence/disk.E02\n");
    write("SHA256SUMS", r.out());
    assertThat(Tools.run(dir, "sha256sum", "--check", "--strict", "SHA256SUMS")).contains("evidence/disk.E02: OK");

    // a manifest made by coreutils lists every segment: verified file by file without --no-image
    write("coreutils.sha256", Tools.run(dir, "sh", "-c", "sha256sum evidence/*"));
    CliRun v = CliRun.run("verify", "--root", dir.toString(), dir.resolve("coreutils.sha256").toString());
    assertThat(v.exit()).as(v.out() + v.err()).isZero();
    assertThat(v.out()).contains("MATCHED     evidence/disk.E02");
  }

  @Test
  void namedSplitSegment_isOneEntryNamedByTheFirstSegment_andVerifies() throws Exception {
    Tools.run(dir, "split", "-b", "1000000", "-d", "-a", "3", "--numeric-suffixes=1", "source.raw", "evidence/usb.");
    CliRun r = hash("-c", "sha256", "-f", "gnu", dir.resolve("evidence/usb.002").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(sum("sha256sum", "source.raw") + "  evidence/usb.001\n");
    Path manifest = write("usb.sha256", r.out());
    CliRun v = CliRun.run("verify", "--root", dir.toString(), manifest.toString());
    assertThat(v.exit()).as(v.out() + v.err()).isZero();

    CliRun folder = hash("-c", "sha256", "-f", "gnu", dir.resolve("evidence").toString());
    assertThat(folder.out()).as("inside a folder, split segments are files").contains("  evidence/usb.002\n");
    CliRun images = hash("--image", "-c", "sha256", "-f", "gnu", dir.resolve("evidence").toString());
    assertThat(images.out()).as("--image: split sets in folders too")
        .contains(sum("sha256sum", "source.raw") + "  evidence/usb.001\n").doesNotContain("usb.002");
    Path both = write("both.sha256", images.out());
    CliRun vb = CliRun.run("verify", "--root", dir.toString(), both.toString());
    assertThat(vb.exit()).as(vb.out() + vb.err()).isZero();
  }

  /**
   * The one case the listing cannot tell: a manifest of a one-segment E01's file bytes. It is verified as
   * the image (CHANGED, saying so) unless --no-image.
   */
  @Test
  void singleSegmentE01_listedByItsFileHash_needsNoImage() throws Exception {
    acquire("100MiB");
    assertThat(evidence.resolve("disk.E02")).doesNotExist();
    write("e01.sha256", Tools.run(dir, "sha256sum", "evidence/disk.E01"));
    CliRun v = CliRun.run("verify", "--root", dir.toString(), dir.resolve("e01.sha256").toString());
    assertThat(v.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(v.out()).contains("CHANGED     evidence/disk.E01")
        .contains("hashed as the media of an image (EWF, 1 segment file), not as the file itself");
    CliRun plain = CliRun.run("verify", "--no-image", "--root", dir.toString(), dir.resolve("e01.sha256").toString());
    assertThat(plain.exit()).as(plain.out() + plain.err()).isZero();
  }

  @Test
  void e01WithMissingSegment_isAnErrorNamingIt() throws Exception {
    acquire("1MiB");
    Files.delete(evidence.resolve("disk.E02"));
    CliRun r = hash("-c", "md5", dir.resolve("evidence").toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(r.err()).contains("error: evidence/disk.E01: ").contains("missing segment 2 of EWF image disk.E01");
    CliRun files = hash("--no-image", "-c", "md5", dir.resolve("evidence").toString());
    assertThat(files.exit()).as(files.err()).isZero();
    assertThat(files.out()).contains(",evidence/disk.E03\n");
  }
}
