package dev.forensics.cli;

/** The exit codes of every {@code forensics} command (documented in --help and docs/user-guide.md). */
public final class ExitCodes {

  private ExitCodes() {}

  /** Success: everything hashed, everything verified. */
  public static final int OK = 0;
  /** Verification failed (changed, missing, moved, new or unverifiable files), or evidence changed while read. */
  public static final int FAILED = 1;
  /** Usage error, or a manifest, image or acquisition log that cannot be read as its format. */
  public static final int USAGE = 2;
  /** An input could not be read (missing, permission denied, I/O error). */
  public static final int UNREADABLE = 3;
  /** Internal error: a bug; run again with --stacktrace and report it. */
  public static final int INTERNAL = 4;
}
