package dev.forensics.triage;

import dev.forensics.triage.internal.FileBytes;
import dev.forensics.triage.internal.MagicPrefilter;
import dev.forensics.triage.internal.Ole2Directory;
import dev.forensics.triage.internal.SignatureTable;
import dev.forensics.triage.internal.ZipDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * Decides a file's type from its bytes: tika-core's signatures on the first 64 KiB (with no file name;
 * for the common formats a table of their signatures gives tika-core's answer from the first 4 KiB at a
 * fraction of the cost, and for bytes that match none of its signatures, such as plain text, a
 * prefilter gives its answer without trying them all), then a look inside containers that tika-core
 * alone cannot tell apart (OOXML, ODF, EPUB, JAR, APK from the ZIP central directory; Word, Excel,
 * PowerPoint, Outlook and encrypted OOXML from the OLE2 directory; encrypted PDF and ZIP), then the name
 * only to choose a more specific type within the family the bytes gave. A name never turns unknown
 * bytes into a type, and a ZIP whose directory shows no known format stays a ZIP whatever its name.
 *
 * <p>Only the bytes needed are read (the first 4 or 64 KiB, the end of a ZIP and its central directory, the
 * OLE2 directory sectors, the last 64 KiB of a PDF), so memory is bounded for any file size. A damaged
 * container is reported in {@link Detection#problems()}, never thrown. Thread-safe.
 */
public final class TypeDetector {

  private static final int HEAD = 64 << 10;
  /** The first bytes read for {@link SignatureTable}; tika-core's signatures need {@link #HEAD}. */
  private static final int FIRST = 4 << 10;
  private static final String ZIP = "application/zip";
  private static final String OLE2 = "application/x-tika-msoffice";
  private static final String OOXML = "application/x-tika-ooxml";
  private static final String PDF = "application/pdf";
  /** Expert Witness (E01) evidence files: not in tika-core, recognised by their signature. */
  public static final String EWF = "application/x-ewf";
  private static final byte[] EWF_SIGNATURE = {'E', 'V', 'F', 0x09, 0x0d, 0x0a, (byte) 0xff, 0x00};

  /** Main-part content types in {@code [Content_Types].xml} and the type of the file they make. */
  private static final Map<String, String> OOXML_MAIN_PARTS =
      Map.ofEntries(
          Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
          Map.entry("application/vnd.ms-word.document.macroenabled.main+xml",
              "application/vnd.ms-word.document.macroenabled.12"),
          Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.template"),
          Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
          Map.entry("application/vnd.ms-excel.sheet.macroenabled.main+xml",
              "application/vnd.ms-excel.sheet.macroenabled.12"),
          Map.entry("application/vnd.ms-excel.sheet.binary.macroenabled.main",
              "application/vnd.ms-excel.sheet.binary.macroenabled.12"),
          Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
              "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
          Map.entry("application/vnd.ms-powerpoint.presentation.macroenabled.main+xml",
              "application/vnd.ms-powerpoint.presentation.macroenabled.12"),
          Map.entry("application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml",
              "application/vnd.openxmlformats-officedocument.presentationml.slideshow"));

  /** Part names that identify an OOXML file when its content types are unreadable (any order in the ZIP). */
  private static final Map<String, String> OOXML_PART_NAMES =
      Map.of(
          "word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "xl/workbook.bin", "application/vnd.ms-excel.sheet.binary.macroenabled.12",
          "ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
          "visio/document.xml", "application/vnd.ms-visio.drawing");

  private static final TypeDetector STANDARD = new TypeDetector(MimeTypes.getDefaultMimeTypes(), true);

  private final MimeTypes types;
  private final MediaTypeRegistry registry;
  /** Whether the first-pass signature table and the prefilter spare tika-core the common cases. */
  private final boolean shortcuts;
  /**
   * The types some registered type specialises: only a file detected as one of them can be refined by
   * its name (tika-core's lookup by name tries every extension and pattern it knows, so it is skipped
   * where it cannot change the answer).
   */
  private final Set<MediaType> specialised;
  /** The registry's types (it copies them into a new sorted set on every call). */
  private final Set<MediaType> knownTypes;

  private TypeDetector(MimeTypes types, boolean shortcuts) {
    this.types = types;
    this.registry = types.getMediaTypeRegistry();
    this.knownTypes = Set.copyOf(registry.getTypes());
    this.shortcuts = shortcuts;
    Set<MediaType> ancestors = new java.util.HashSet<>();
    for (MediaType t : knownTypes) {
      for (MediaType a = registry.getSupertype(t); a != null; a = registry.getSupertype(a)) {
        ancestors.add(a);
      }
    }
    this.specialised = Set.copyOf(ancestors);
  }

  /** The detector with tika-core's built-in signatures. */
  public static TypeDetector standard() {
    return STANDARD;
  }

  /**
   * Loads what {@link #standard()} needs, tika-core's tables and the prefilter's conditions made from
   * them, so that a thread can do it while another lists the files.
   */
  static void loadTables() {
    standard();
    MagicPrefilter.standard();
  }

  /**
   * The same detector without its first-pass signature table and without the prefilter: every file goes
   * through tika-core's signatures (for tests that check both against tika-core, and for measuring).
   */
  static TypeDetector tikaOnly() {
    return new TypeDetector(MimeTypes.getDefaultMimeTypes(), false);
  }

  /**
   * Detects a file's type from its bytes, refined by its name.
   *
   * @throws IOException when the file cannot be read (a damaged format is not an error)
   */
  public Detection detect(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      Path name = file.getFileName();
      return detect(new FileBytes(ch, Files.size(file)), name == null ? "" : name.toString());
    }
  }

  /** Detects the type of bytes in memory (an archive member); {@code name} may be empty. */
  public Detection detect(byte[] content, String name) {
    try {
      return detect(new FileBytes(content), name);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("reading bytes in memory", e); // cannot happen
    }
  }

  /**
   * Detects from the first bytes only, without looking inside containers (for a stream too large to
   * hold, such as a big archive member); the evidence says so.
   */
  public Detection detectHead(byte[] head, String name) {
    if (head.length == 0) {
      return new Detection(Detection.OCTET_STREAM, Category.UNKNOWN, DecisionBasis.NONE, "empty file", false, List.of());
    }
    byte[] first = head.length > HEAD ? java.util.Arrays.copyOf(head, HEAD) : head;
    if (startsWith(first, EWF_SIGNATURE)) {
      return new Detection(EWF, Category.DISK_IMAGE, DecisionBasis.MAGIC, "EWF signature 'EVF'", false, List.of());
    }
    String type = signatureType(first);
    if (type.equals(Detection.OCTET_STREAM)) {
      return new Detection(type, Category.UNKNOWN, DecisionBasis.NONE, "no signature matched", false, List.of());
    }
    return refineByName(new Detection(type, category(type), DecisionBasis.MAGIC,
        "signature of " + type + " (first bytes only: the container was not opened)", false, List.of()), name);
  }

  /** Detects from an open file; {@code name} may be empty (no refinement by name). */
  Detection detect(FileBytes file, String name) throws IOException {
    if (file.size() == 0) {
      return new Detection(Detection.OCTET_STREAM, Category.UNKNOWN, DecisionBasis.NONE, "empty file", false, List.of());
    }
    byte[] first = file.read(0, FIRST);
    if (startsWith(first, EWF_SIGNATURE)) {
      return new Detection(EWF, Category.DISK_IMAGE, DecisionBasis.MAGIC, "EWF signature 'EVF'", false, List.of());
    }
    String fast = shortcuts ? SignatureTable.match(first, first.length) : null;
    if (fast != null) {
      Detection d = containers(file, first, fast);
      // an OLE2 file whose directory names no known format: tika-core's signatures may still know it
      if (!d.mediaType().equals(SignatureTable.OLE2_TYPE)) {
        return refineByName(d, name);
      }
    }
    byte[] head = first.length < FIRST || file.size() <= FIRST ? first : file.read(0, HEAD);
    String type = signatureType(head);
    if (type.equals(Detection.OCTET_STREAM)) {
      return new Detection(type, Category.UNKNOWN, DecisionBasis.NONE, "no signature matched", false, List.of());
    }
    return refineByName(containers(file, head, type), name);
  }

  /**
   * tika-core's type for the first bytes of a file ({@code MimeTypes.detect} with no name), through the
   * prefilter when the bytes match none of its signatures.
   */
  private String signatureType(byte[] head) {
    if (shortcuts) {
      String type = MagicPrefilter.standard().exactType(head);
      if (type != null) {
        return type;
      }
    }
    try {
      return types.detect(new ByteArrayInputStream(head), new Metadata()).toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("reading bytes in memory", e); // cannot happen
    }
  }

  /** The detection from a signature's type, refined by a look inside the containers that need one. */
  private Detection containers(FileBytes file, byte[] head, String type) throws IOException {
    Detection d = new Detection(type, category(type), DecisionBasis.MAGIC, "signature of " + type, false, List.of());
    if (type.equals(ZIP) || isA(type, ZIP)) {
      d = zip(file, d);
    } else if (type.equals(OLE2) || isA(type, OLE2)) {
      d = ole2(file, d);
    } else if (type.equals(PDF)) {
      d = pdf(file, head, d);
    } else if (type.equals("application/x-sharedlib")) {
      d = elf(file, head, d);
    } else if (type.equals("application/x-7z-compressed")) {
      d = sevenZip(file, head, d);
    }
    return d;
  }

  private Detection zip(FileBytes file, Detection magic) throws IOException {
    ZipDirectory z = ZipDirectory.read(file);
    List<String> problems = new ArrayList<>(z.problems());
    boolean encrypted = z.encryptedEntries() > 0;
    String type = null;
    String evidence = null;
    String contentTypes = z.text("[Content_Types].xml");
    if (contentTypes != null) {
      String lower = contentTypes.toLowerCase(Locale.ROOT);
      for (Map.Entry<String, String> e : OOXML_MAIN_PARTS.entrySet()) {
        if (lower.contains("\"" + e.getKey() + "\"")) {
          type = e.getValue();
          evidence = "[Content_Types].xml declares " + e.getKey();
          break;
        }
      }
    }
    if (type == null) {
      for (String part : new java.util.TreeSet<>(OOXML_PART_NAMES.keySet())) {
        if (z.has(part) && z.has("[Content_Types].xml")) {
          type = OOXML_PART_NAMES.get(part);
          evidence = "ZIP entries [Content_Types].xml and " + part;
          break;
        }
      }
    }
    if (type == null && z.has("[Content_Types].xml")) {
      type = OOXML;
      evidence = "ZIP entry [Content_Types].xml (Office Open XML of no known kind)";
    }
    if (type == null && z.has("mimetype")) {
      String declared = z.text("mimetype");
      if (declared != null) {
        declared = declared.trim().toLowerCase(Locale.ROOT);
        if (known(declared)) {
          type = registry.normalize(MediaType.parse(declared)).toString();
          evidence = "ZIP entry mimetype says " + declared;
        }
      }
    }
    if (type == null && z.has("AndroidManifest.xml") && z.has("classes.dex")) {
      type = "application/vnd.android.package-archive";
      evidence = "ZIP entries AndroidManifest.xml and classes.dex";
    }
    if (type == null && z.has("META-INF/MANIFEST.MF")) {
      type = "application/java-archive";
      evidence = "ZIP entry META-INF/MANIFEST.MF";
    }
    if (encrypted) {
      String count = z.encryptedEntries() + " of " + z.entries() + " ZIP entries encrypted";
      evidence = evidence == null ? count : evidence + "; " + count;
    }
    if (type == null) {
      // the directory shows no more specific format: tika-core's answer from the first bytes stands
      return new Detection(magic.mediaType(), magic.category(), magic.basis(),
          encrypted ? evidence : magic.evidence() + "; " + z.entries() + " ZIP entries, no container format",
          encrypted, problems);
    }
    DecisionBasis basis = type.equals(magic.mediaType()) ? DecisionBasis.MAGIC : DecisionBasis.CONTAINER;
    return new Detection(type, category(type), basis, evidence, encrypted, problems);
  }

  private Detection ole2(FileBytes file, Detection magic) throws IOException {
    Ole2Directory dir = Ole2Directory.read(file);
    Set<String> names = dir.names();
    String type = null;
    String evidence = null;
    boolean encrypted = false;
    if (names.contains("EncryptionInfo") && names.contains("EncryptedPackage")) {
      type = "application/x-tika-ooxml-protected";
      evidence = "OLE2 streams EncryptionInfo and EncryptedPackage (password-protected Office Open XML)";
      encrypted = true;
    } else if (names.contains("WordDocument")) {
      type = "application/msword";
      evidence = "OLE2 stream WordDocument";
      byte[] fib = dir.streamHead("WordDocument");
      // FIB: wIdent 0xA5EC, then flags at 0x0A whose bit 8 is fEncrypted
      if (fib.length >= 12 && FileBytesAccess.u16(fib, 0) == 0xA5EC && (FileBytesAccess.u16(fib, 0x0A) & 0x0100) != 0) {
        encrypted = true;
        evidence += "; its header (FIB) says encrypted (fEncrypted)";
      }
    } else if (names.contains("Workbook") || names.contains("Book")) {
      String stream = names.contains("Workbook") ? "Workbook" : "Book";
      type = "application/vnd.ms-excel";
      evidence = "OLE2 stream " + stream;
      byte[] bof = dir.streamHead(stream);
      // BIFF: a BOF record (0x0809), then FILEPASS (0x002F) when the workbook is encrypted
      if (bof.length >= 8 && FileBytesAccess.u16(bof, 0) == 0x0809) {
        int next = 4 + FileBytesAccess.u16(bof, 2);
        if (next + 2 <= bof.length && FileBytesAccess.u16(bof, next) == 0x002F) {
          encrypted = true;
          evidence += "; a FILEPASS record follows its BOF (encrypted workbook)";
        }
      }
    } else if (names.contains("PowerPoint Document")) {
      type = "application/vnd.ms-powerpoint";
      evidence = "OLE2 stream PowerPoint Document";
      if (names.contains("EncryptedSummary")) {
        encrypted = true;
        evidence += "; stream EncryptedSummary (encrypted presentation)";
      }
    } else if (names.contains("__properties_version1.0")
        || names.stream().anyMatch(n -> n.startsWith("__substg1.0_"))) {
      type = "application/vnd.ms-outlook";
      evidence = "OLE2 streams __substg1.0_* (Outlook message)";
    } else if (names.contains("VisioDocument")) {
      type = "application/vnd.visio";
      evidence = "OLE2 stream VisioDocument";
    }
    if (type == null || !known(type)) {
      return new Detection(magic.mediaType(), magic.category(), magic.basis(), magic.evidence(), false, dir.problems());
    }
    boolean whole = type.equals("application/x-tika-ooxml-protected");
    return new Detection(type, whole ? Category.ENCRYPTED : category(type), DecisionBasis.CONTAINER, evidence,
        encrypted, dir.problems());
  }

  private Detection pdf(FileBytes file, byte[] head, Detection magic) throws IOException {
    long tailStart = Math.max(0, file.size() - HEAD);
    byte[] tail = file.read(tailStart, HEAD);
    byte[] key = "/Encrypt".getBytes(StandardCharsets.US_ASCII);
    if (tailStart > 0 && head.length < HEAD) {
      head = file.read(0, HEAD); // the tail does not cover the first 64 KiB
    }
    if (indexOf(tail, key) >= 0 || indexOf(head, key) >= 0) {
      return new Detection(magic.mediaType(), magic.category(), DecisionBasis.CONTAINER,
          "PDF signature; trailer names an /Encrypt dictionary", true, List.of());
    }
    return magic;
  }

  /**
   * An ELF of type ET_DYN is a shared library to tika-core; one with a program interpreter (PT_INTERP)
   * is a position-independent executable, as file(1) says.
   */
  private Detection elf(FileBytes file, byte[] head, Detection magic) throws IOException {
    if (head.length < 0x40 || head[0] != 0x7f || head[1] != 'E' || head[2] != 'L' || head[3] != 'F') {
      return magic;
    }
    boolean is64 = head[4] == 2;
    java.nio.ByteOrder order = head[5] == 2 ? java.nio.ByteOrder.BIG_ENDIAN : java.nio.ByteOrder.LITTLE_ENDIAN;
    java.nio.ByteBuffer h = java.nio.ByteBuffer.wrap(head).order(order);
    long phoff = is64 ? h.getLong(0x20) : h.getInt(0x1C) & 0xffffffffL;
    int entsize = h.getShort(is64 ? 0x36 : 0x2A) & 0xffff;
    int phnum = h.getShort(is64 ? 0x38 : 0x2C) & 0xffff;
    if (phoff <= 0 || entsize < 4 || (long) entsize * phnum > HEAD) {
      return magic;
    }
    java.nio.ByteBuffer ph = java.nio.ByteBuffer.wrap(file.read(phoff, entsize * phnum)).order(order);
    for (int i = 0; i + 4 <= ph.capacity() && i / entsize < phnum; i += entsize) {
      if (ph.getInt(i) == 3) { // PT_INTERP
        return new Detection("application/x-executable", Category.EXECUTABLE, DecisionBasis.CONTAINER,
            "ELF shared object with a program interpreter (PT_INTERP): a position-independent executable",
            false, List.of());
      }
    }
    return magic;
  }

  /**
   * A 7-Zip archive whose header (read from its start header's pointer, at most 1 MiB) names the AES
   * coder 06F10701: its content (and with -mhe its names) is encrypted.
   */
  private Detection sevenZip(FileBytes file, byte[] head, Detection magic) throws IOException {
    if (head.length < 32) {
      return magic;
    }
    java.nio.ByteBuffer h = java.nio.ByteBuffer.wrap(head).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    long offset = h.getLong(12);
    long size = h.getLong(20);
    if (offset < 0 || size <= 0 || size > (1 << 20) || 32 + offset + size > file.size()) {
      return new Detection(magic.mediaType(), magic.category(), magic.basis(), magic.evidence(), false,
          List.of("7-Zip start header points outside the file (offset " + offset + ", " + size + " bytes)"));
    }
    byte[] header = file.read(32 + offset, (int) size);
    if (indexOf(header, new byte[] {0x06, (byte) 0xF1, 0x07, 0x01}) >= 0) {
      return new Detection(magic.mediaType(), magic.category(), DecisionBasis.CONTAINER,
          "7-Zip header names the AES-256 coder (06F10701)"
              + (header[0] == 0x17 ? "; the header itself is encoded (names hidden with -mhe)" : ""),
          true, List.of());
    }
    return magic;
  }

  /** Whether tika-core knows a signature (magic) for this type. */
  public boolean hasSignature(String mediaType) {
    try {
      return types.forName(mediaType).hasMagic();
    } catch (MimeTypeException e) {
      return false;
    }
  }

  /**
   * Chooses a more specific type from the name when the name's type is a specialisation of the type
   * the bytes gave (text/plain named .csv becomes text/csv). Never for unknown bytes, and never for a
   * ZIP whose directory was read and showed no container format.
   */
  private Detection refineByName(Detection d, String name) {
    if (d.isUnknown() || d.mediaType().equals(ZIP) || name.isEmpty()
        || !nameCanRefine(d.mediaType())) {
      return d;
    }
    Optional<String> byName = typeForName(name);
    if (byName.isEmpty() || byName.get().equals(d.mediaType()) || !isA(byName.get(), d.mediaType())) {
      return d;
    }
    String type = byName.get();
    Category c = d.category() == Category.ENCRYPTED ? Category.ENCRYPTED : category(type);
    return new Detection(type, c, DecisionBasis.NAME_REFINEMENT,
        d.evidence() + "; the name's extension chose " + type + " within " + d.mediaType(), d.encrypted(), d.problems());
  }

  /** Whether some registered type specialises {@code mediaType}, so that a name could refine it. */
  boolean nameCanRefine(String mediaType) {
    return specialised.contains(MediaType.parse(mediaType));
  }

  /** The type tika-core associates with a file name's extension, if any. */
  public Optional<String> typeForName(String name) {
    MimeType t = types.getMimeType(name);
    if (t == null || t.getType().equals(MediaType.OCTET_STREAM)) {
      return Optional.empty();
    }
    return Optional.of(t.getType().toString());
  }

  /** The extensions (lower case, without the dot) tika-core lists for a type; the first is preferred. */
  public List<String> extensions(String mediaType) {
    if (mediaType.equals(EWF)) {
      return List.of("e01", "ex01", "s01", "l01", "lx01");
    }
    try {
      List<String> out = new ArrayList<>();
      for (String e : types.forName(mediaType).getExtensions()) {
        out.add(e.startsWith(".") ? e.substring(1).toLowerCase(Locale.ROOT) : e.toLowerCase(Locale.ROOT));
      }
      return out;
    } catch (MimeTypeException e) {
      return List.of();
    }
  }

  /** Whether {@code type} is a specialisation of {@code ancestor} (docx of zip, text/csv of text/plain). */
  public boolean isA(String type, String ancestor) {
    return registry.isSpecializationOf(MediaType.parse(type), MediaType.parse(ancestor));
  }

  private boolean known(String type) {
    MediaType t = MediaType.parse(type);
    return t != null && knownTypes.contains(registry.normalize(t));
  }

  /** The category of a media type, from the type itself or the nearest of its supertypes that has one. */
  public Category category(String mediaType) {
    if (mediaType.equals(EWF)) {
      return Category.DISK_IMAGE;
    }
    MediaType t = MediaType.parse(mediaType);
    while (t != null) {
      Category c = Categories.of(t);
      if (c != null) {
        return c;
      }
      t = registry.getSupertype(t);
    }
    return Category.UNKNOWN;
  }

  /** Little-endian reads of detection buffers. */
  private static final class FileBytesAccess {
    static int u16(byte[] b, int off) {
      return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
    }
  }

  private static boolean startsWith(byte[] b, byte[] prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
