package dev.forensics.exercise;

/**
 * A scenario that is valid on its own but cannot be built (a generated name FAT cannot hold, two files at
 * one path, a disk image too small for its files), or an output folder that may not be written. The
 * message names what failed: the path, the artifact or the output file.
 */
public final class BuildException extends Exception {
  private static final long serialVersionUID = 1L;

  public BuildException(String message) {
    super(message);
  }

  public BuildException(String message, Throwable cause) {
    super(message, cause);
  }
}
