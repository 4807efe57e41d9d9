package dev.forensics.exercise.files;

import dev.forensics.exercise.files.internal.Archives;
import dev.forensics.exercise.files.internal.Databases;
import dev.forensics.exercise.files.internal.Ooxml;
import dev.forensics.exercise.files.internal.Pdfs;
import dev.forensics.exercise.files.internal.Pictures;
import dev.forensics.exercise.files.internal.Sounds;
import dev.forensics.exercise.files.internal.Texts;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Generates valid files of every {@link FileKind} from a seed. The content of a file depends only on the
 * seed, the label and the scenario time: the same three give the same bytes (so the same label twice
 * gives an exact duplicate), a different seed or label gives different content. No clock, host name or
 * user name is read.
 */
public final class FileGenerators {

  /** Size of the encrypted blob made by {@link #generate}: 64 KiB. */
  public static final int DEFAULT_BLOB_SIZE = 64 * 1024;

  private FileGenerators() {}

  /**
   * Generates one file.
   *
   * @param source the scenario's content source
   * @param kind what to make
   * @param label a stable name for the file, usually its path in the scenario
   * @param modified the scenario time the file carries (embedded times and the file's mtime)
   * @throws IOException when an encoder fails (not expected for the JDK's and PDFBox's writers)
   */
  public static GeneratedFile generate(ContentSource source, FileKind kind, String label, Instant modified)
      throws IOException {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(modified, "modified");
    if (modified.getEpochSecond() < 315532800L || modified.getEpochSecond() > 4102444799L) {
      throw new IllegalArgumentException("scenario time must lie in 1980..2099 (ZIP and GZIP times): " + modified);
    }
    Draw draw = source.draw(label);
    if (kind == FileKind.ENCRYPTED_BLOB) {
      return EncryptedContainer.generate(source, label, DEFAULT_BLOB_SIZE, modified).file();
    }
    byte[] content = switch (kind) {
      case JPEG -> Pictures.jpeg(draw);
      case PNG -> Pictures.png(draw);
      case GIF -> Pictures.gif(draw);
      case PDF -> Pdfs.pdf(draw, modified);
      case DOCX -> Ooxml.docx(draw, modified);
      case XLSX -> Ooxml.xlsx(draw, modified);
      case ZIP -> Archives.zip(Archives.sampleMembers(draw, modified), modified);
      case TAR -> Archives.tar(Archives.sampleMembers(draw, modified), modified);
      case GZIP -> Archives.gzip(draw.word() + "-" + draw.between(1, 99) + ".txt", Texts.text(draw.child("text")),
          modified);
      case SQLITE -> Databases.sqlite(draw, modified);
      case TEXT -> Texts.text(draw);
      case CSV -> Texts.csv(draw, modified);
      case HTML -> Texts.html(draw);
      case EML -> Texts.eml(draw, modified);
      case WAV -> Sounds.wav(draw);
      case ENCRYPTED_BLOB -> throw new AssertionError("handled above");
    };
    return new GeneratedFile(kind, label, content, modified);
  }

  /**
   * A ZIP archive of the given members, in their order, with the same fixed times and layout as the ZIP
   * kind (see {@link FileKind#ZIP}).
   *
   * @param label the label of the archive
   * @param members entry name (relative, {@code /}-separated) to content, in archive order
   */
  public static GeneratedFile zipOf(String label, Map<String, byte[]> members, Instant modified) throws IOException {
    List<dev.forensics.exercise.files.internal.Member> list = new ArrayList<>();
    members.forEach((name, content) -> list.add(new dev.forensics.exercise.files.internal.Member(name, content)));
    return new GeneratedFile(FileKind.ZIP, label, dev.forensics.exercise.files.internal.Archives.zip(list, modified),
        modified);
  }
}
