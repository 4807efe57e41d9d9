package dev.forensics.hash.internal;

import dev.forensics.hash.UnwritableEntryException;
import dev.forensics.hash.ManifestEntry;
import dev.forensics.hash.ManifestWriter;
import java.io.IOException;
import java.util.Objects;

/**
 * What every manifest writer checks before an entry reaches its format: the writer is open, entries come
 * in {@link ManifestEntry#PATH_ORDER}, and the path is well-formed Unicode (an unpaired surrogate would be
 * silently replaced when encoded as UTF-8).
 */
abstract class OrderedWriter implements ManifestWriter {

  private String last;
  private boolean closed;

  @Override
  public final void write(ManifestEntry entry) throws IOException {
    Objects.requireNonNull(entry, "entry");
    if (closed) {
      throw new IllegalStateException("the manifest writer is closed");
    }
    if (last != null && ManifestEntry.comparePaths(last, entry.path()) > 0) {
      throw new IllegalArgumentException(
          "entries must be written in path order: " + Values.show(entry.path()) + " came after "
              + Values.show(last));
    }
    if (hasUnpairedSurrogate(entry.path())) {
      throw new UnwritableEntryException(
          "cannot write " + Values.show(entry.path()) + ": the path holds an unpaired surrogate (not Unicode)");
    }
    writeEntry(entry);
    last = entry.path();
  }

  @Override
  public final void close() throws IOException {
    if (!closed) {
      closed = true;
      finish();
    }
  }

  /** Writes one entry, or throws without writing anything of it. */
  abstract void writeEntry(ManifestEntry entry) throws IOException;

  /** Completes the document and flushes, leaving the stream open. */
  abstract void finish() throws IOException;

  static boolean hasUnpairedSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return true;
        }
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
