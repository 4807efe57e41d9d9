package dev.forensics.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forensics.triage.internal.SignatureTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;
import org.junit.jupiter.api.Test;

/**
 * The first-pass signature table must give exactly tika-core's answer wherever it answers: checked on
 * every file of the labelled corpus, whole and cut short, and on the detections that follow.
 */
class SignatureTableTest {

  private static final MimeTypes TIKA = MimeTypes.getDefaultMimeTypes();

  @Test
  void onTheCorpus_theTableAnswersAsTikaCoreDoes() throws IOException {
    Corpus corpus = Corpus.onClassPath();
    Set<String> answered = new TreeSet<>();
    List<String> wrong = new ArrayList<>();
    for (CorpusLabel label : corpus.labels()) {
      byte[] all = Files.readAllBytes(corpus.path(label));
      // whole first bytes, and cut short where a signature could be half there
      for (int cut : new int[] {all.length, 4096, 300, 64, 30, 17, 8, 3}) {
        byte[] head = Arrays.copyOf(all, Math.min(cut, all.length));
        String fast = SignatureTable.match(head, head.length);
        if (fast == null) {
          continue;
        }
        String tika = tika(head);
        boolean same = fast.equals(SignatureTable.OLE2_TYPE)
            ? TypeDetector.standard().isA(tika, fast) || tika.equals(fast)
            : fast.equals(tika);
        if (!same) {
          wrong.add(label.file() + " (first " + head.length + " bytes): table " + fast + ", tika-core " + tika);
        }
        if (cut == all.length) {
          answered.add(label.mimeType());
        }
      }
    }
    assertThat(wrong).isEmpty();
    // the table is not vacuous: it answers for the common binary formats of the corpus
    assertThat(answered).contains("image/jpeg", "image/png", "image/gif", "image/tiff", "image/webp",
        "application/pdf", "application/zip", "application/gzip", "application/x-7z-compressed",
        "application/x-executable", "application/x-sharedlib", "application/vnd.sqlite3", "audio/vnd.wave",
        "application/msword", "application/vnd.ms-excel", "application/vnd.microsoft.portable-executable",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
        "application/vnd.oasis.opendocument.presentation", "application/x-tar", "image/bmp");
  }

  @Test
  void onTheCorpus_detectionsWithAndWithoutTheTable_areEqual() throws IOException {
    Corpus corpus = Corpus.onClassPath();
    TypeDetector withTable = TypeDetector.standard();
    TypeDetector tikaOnly = TypeDetector.tikaOnly();
    for (Path file : corpus.paths()) {
      assertThat(withTable.detect(file)).as(file.getFileName().toString()).isEqualTo(tikaOnly.detect(file));
    }
  }

  @Test
  void whatTheTableCannotTell_isLeftToTikaCore() {
    assertThat(SignatureTable.match(new byte[0], 0)).isNull();
    assertThat(SignatureTable.match("text".getBytes(), 4)).isNull();
    // a ZIP whose first entry is an ODF/EPUB mimetype: tika-core knows the specific type
    byte[] odf = new byte[64];
    System.arraycopy(new byte[] {'P', 'K', 3, 4}, 0, odf, 0, 4);
    System.arraycopy("mimetypeapplication/epub+zip".getBytes(), 0, odf, 30, 28);
    assertThat(SignatureTable.match(odf, odf.length)).isNull();
    // an SQLite header with an application id (GeoPackage 'GPKG' at offset 68)
    byte[] gpkg = new byte[100];
    System.arraycopy("SQLite format 3\0".getBytes(), 0, gpkg, 0, 16);
    System.arraycopy("GPKG".getBytes(), 0, gpkg, 68, 4);
    assertThat(SignatureTable.match(gpkg, gpkg.length)).isNull();
    // an ID3 tag: MP3 or AAC, tika-core looks further
    assertThat(SignatureTable.match("ID3\u0004\0\0\0\0\0\0".getBytes(), 10)).isNull();
  }

  private static String tika(byte[] head) throws IOException {
    return TIKA.detect(new ByteArrayInputStream(head), new Metadata()).toString();
  }
}
