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
  void signaturesTheCorpusLacks_areAnsweredAsTikaCoreDoes() throws IOException {
    List<byte[]> heads = new ArrayList<>();
    heads.add(with(512, 0, "GIF87a"));
    heads.add(with(512, 0, "MM\0\u002b"));
    heads.add(with(512, 0, "MM\0\u002a"));
    heads.add(with(22, 0, "PK\u0005\u0006"));
    for (int b1 : new int[] {0xE3, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xFA, 0xFB, 0xFC, 0xFD}) {
      byte[] frame = with(512, 0, "");
      frame[0] = (byte) 0xFF;
      frame[1] = (byte) b1;
      heads.add(frame);
    }
    for (int machine : new int[] {0x014c, 0x8664}) {
      for (int lfanew : new int[] {128, 240}) {
        byte[] pe = with(512, 0, "MZ");
        pe[0x3C] = (byte) lfanew;
        System.arraycopy("PE\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, pe, lfanew, 4);
        pe[lfanew + 4] = (byte) machine;
        pe[lfanew + 5] = (byte) (machine >> 8);
        heads.add(pe);
      }
    }
    for (String type : new String[] {"application/epub+zip", "application/vnd.oasis.opendocument.graphics"}) {
      byte[] zip = with(512, 0, "PK\u0003\u0004");
      zip[18] = (byte) type.length(); // stored: compressed size = the value's length
      zip[26] = 8; // name length
      System.arraycopy(("mimetype" + type + "PK\u0003\u0004").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
          0, zip, 30, 8 + type.length() + 4);
      heads.add(zip);
    }
    byte[] posixTar = with(1024, 0, "notes.txt");
    System.arraycopy("ustar\u000000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, posixTar, 257, 8);
    heads.add(posixTar);
    byte[] bmp = with(512, 0, "BM");
    bmp[26] = 1;
    bmp[28] = 24;
    heads.add(bmp);
    for (byte[] head : heads) {
      String fast = SignatureTable.match(head, head.length);
      assertThat(fast).as(new String(head, 0, 8, java.nio.charset.StandardCharsets.ISO_8859_1)).isNotNull()
          .isEqualTo(tika(head));
    }
  }

  /** {@code length} zero bytes with {@code text} (ISO-8859-1) at {@code offset}. */
  private static byte[] with(int length, int offset, String text) {
    byte[] b = new byte[length];
    byte[] t = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    System.arraycopy(t, 0, b, offset, t.length);
    return b;
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
