package dev.forensics.triage;

import java.util.HashMap;
import java.util.Map;
import org.apache.tika.mime.MediaType;

/** The category of each media type that has one of its own; other types take their supertype's. */
final class Categories {

  private static final Map<String, Category> TYPES = new HashMap<>();

  private static void put(Category c, String... types) {
    for (String t : types) {
      TYPES.put(t, c);
    }
  }

  static {
    put(Category.DOCUMENT, "application/pdf", "application/msword", "application/rtf", "application/epub+zip",
        "application/postscript", "application/vnd.oasis.opendocument.text",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
        "application/vnd.ms-word.document.macroenabled.12", "application/vnd.ms-word.template.macroenabled.12",
        "application/x-tika-ooxml", "application/vnd.ms-visio.drawing",
        "application/vnd.visio");
    put(Category.SPREADSHEET, "application/vnd.ms-excel", "application/vnd.oasis.opendocument.spreadsheet",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.template",
        "application/vnd.ms-excel.sheet.macroenabled.12", "application/vnd.ms-excel.sheet.binary.macroenabled.12",
        "text/csv", "text/tab-separated-values");
    put(Category.PRESENTATION, "application/vnd.ms-powerpoint", "application/vnd.oasis.opendocument.presentation",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.openxmlformats-officedocument.presentationml.slideshow",
        "application/vnd.ms-powerpoint.presentation.macroenabled.12");
    put(Category.EXECUTABLE, "application/x-msdownload", "application/x-dosexec", "application/x-executable",
        "application/x-sharedlib", "application/x-elf", "application/x-mach-o", "application/x-mach-o-universal",
        "application/java-archive", "application/vnd.android.package-archive", "application/java-vm",
        "application/x-sh", "application/x-bat", "text/x-python", "text/x-perl", "text/x-php", "text/x-vbscript",
        "application/x-ms-installer", "application/x-msi", "application/x-ms-shortcut");
    put(Category.ARCHIVE, "application/zip", "application/x-tar", "application/gzip", "application/x-gzip",
        "application/x-bzip", "application/x-bzip2", "application/x-xz", "application/x-7z-compressed",
        "application/x-rar-compressed", "application/vnd.rar", "application/zstd", "application/x-lzma",
        "application/x-compress", "application/x-lzip", "application/x-cpio", "application/x-gtar",
        "application/vnd.ms-cab-compressed", "application/x-archive", "application/x-lz4");
    put(Category.DATABASE, "application/x-sqlite3", "application/vnd.sqlite3", "application/x-msaccess",
        "application/x-dbf", "application/x-bentley-besqlite");
    put(Category.EMAIL, "message/rfc822", "application/mbox", "application/vnd.ms-outlook-pst",
        "application/vnd.ms-outlook", "application/vnd.ms-tnef");
    put(Category.DISK_IMAGE, "application/x-iso9660-image", "application/x-fat-diskimage",
        "application/vnd.msa-disk-image", "application/x-atari-floppy-disk-image", "application/x-amiga-disk-format",
        "application/x-vhd", "application/x-vmdk",
        "application/x-apple-diskimage", "application/x-qemu-disk", "application/x-virtualbox-vdi");
    put(Category.ENCRYPTED, "application/x-tika-ooxml-protected", "application/pgp-encrypted",
        "multipart/encrypted");
  }

  private Categories() {}

  /** The category of this exact type (parameters ignored), or null when it takes its supertype's. */
  static Category of(MediaType t) {
    Category c = TYPES.get(t.getBaseType().toString());
    if (c != null) {
      return c;
    }
    if (t.getParameters().isEmpty()) {
      switch (t.getType()) {
        case "image":
          return Category.IMAGE;
        case "audio":
          return Category.AUDIO;
        case "video":
          return Category.VIDEO;
        case "text":
          return Category.TEXT;
        case "message":
          return Category.EMAIL;
        default:
          break;
      }
      if (t.getSubtype().equals("xml") || t.getSubtype().equals("json")) {
        return Category.TEXT;
      }
    }
    return null;
  }
}
