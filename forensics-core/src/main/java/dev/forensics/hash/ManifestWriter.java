package dev.forensics.hash;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes a manifest entry by entry, so that a listing of millions of files never has to sit in memory.
 * Entries must be written in {@link ManifestEntry#PATH_ORDER}. {@link #close()} completes the document
 * (closing tags, JSON brackets) and flushes, but does not close the underlying stream.
 */
public interface ManifestWriter extends Closeable {

  /** Appends one entry. */
  void write(ManifestEntry entry) throws IOException;

  /** Completes the document and flushes; the underlying stream stays open. */
  @Override
  void close() throws IOException;
}
