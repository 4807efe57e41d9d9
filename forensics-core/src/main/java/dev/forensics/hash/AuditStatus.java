package dev.forensics.hash;

/** How a file compares with a manifest. */
public enum AuditStatus {
  /** Same path, same content. */
  MATCHED,
  /** Same path, different content (or size): the file was altered. */
  CHANGED,
  /** The content listed in the manifest under one path is now under another, and the old path is gone. */
  MOVED,
  /** On disk, not in the manifest. */
  NEW,
  /** In the manifest, not on disk. */
  MISSING,
  /** In the manifest and on disk, but could not be read: not verified. */
  UNREADABLE
}
