package dev.forensics.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Adler32;

/**
 * The section chain of one EWF segment file held in memory, for tests that damage a chosen field: each
 * section's descriptor offset, type, next offset and size (libyal's EWF layout: a 13-byte file header,
 * then 76-byte descriptors, type at 0, next at 16, size at 24, Adler-32 of the first 72 bytes at 72).
 */
record EwfSections(byte[] bytes, List<Section> sections) {

  static final int FILE_HEADER = 13;
  static final int DESCRIPTOR = 76;

  /** A section: its descriptor offset, type, next-section offset and size (descriptor included). */
  record Section(int offset, String type, long next, long size) {
    /** The offset of the section's data, just after its descriptor. */
    int data() {
      return offset + DESCRIPTOR;
    }
  }

  /**
   * Walks the section chain of a segment file, as far as it goes: it stops at a {@code done} or {@code
   * next} section, a next offset that does not move forward, or the end of the bytes.
   */
  static EwfSections of(byte[] bytes) {
    List<Section> sections = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int off = FILE_HEADER;
    while (off + DESCRIPTOR <= bytes.length) {
      int len = 0;
      while (len < 16 && bytes[off + len] != 0) {
        len++;
      }
      String type = new String(bytes, off, len, StandardCharsets.US_ASCII);
      Section s = new Section(off, type, b.getLong(off + 16), b.getLong(off + 24));
      sections.add(s);
      if (type.equals("done") || type.equals("next") || s.next() <= off || s.next() > bytes.length) {
        break;
      }
      off = (int) s.next();
    }
    return new EwfSections(bytes, List.copyOf(sections));
  }

  /** The first section of {@code type}. */
  Section first(String type) {
    return sections.stream().filter(s -> s.type().equals(type)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " section"));
  }

  /** The sections of {@code type}, in file order. */
  List<Section> all(String type) {
    return sections.stream().filter(s -> s.type().equals(type)).toList();
  }

  /** Writes a little-endian int at {@code at}. */
  static void putInt(byte[] bytes, int at, int value) {
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
  }

  /** Writes a little-endian long at {@code at}. */
  static void putLong(byte[] bytes, int at, long value) {
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(at, value);
  }

  /** Stores the Adler-32 of {@code bytes[from, from + length)} right after it, as EWF does. */
  static void fixAdler(byte[] bytes, int from, int length) {
    Adler32 adler = new Adler32();
    adler.update(bytes, from, length);
    putInt(bytes, from + length, (int) adler.getValue());
  }

  /** Makes the descriptor at {@code offset} consistent again after one of its fields was changed. */
  static void fixDescriptor(byte[] bytes, int offset) {
    fixAdler(bytes, offset, 72);
  }
}
