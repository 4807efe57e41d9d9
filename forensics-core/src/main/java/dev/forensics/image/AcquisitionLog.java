package dev.forensics.image;

import dev.forensics.hash.DigestSet;
import dev.forensics.image.internal.AcquisitionLogReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * What an acquisition log says about the media it was written for: the tool recognised from its content,
 * the hashes of the whole media, and, where the log has them, the hashes of parts of the media (dcfldd
 * hash windows, dc3dd pieces) and of the image files written (Guymager, dc3dd).
 *
 * <p>Read with {@link #read(Path)}. The formats read, and the lines used from each, are listed in
 * {@code docs/formats.md} ("Acquisition logs read"): ewfacquire, ewfverify and ewfinfo output, Guymager
 * {@code .info}, the FTK Imager {@code .txt} report, dc3dd {@code hlog=}/{@code log=} and dcfldd
 * {@code hashlog=}.
 *
 * @param tool the program that wrote the log
 * @param mediaHashes the hashes of the whole media, at most one per algorithm, never empty: where the log
 *     gives several values for one algorithm (acquisition and verification), they agree
 * @param ranges hashes of parts of the media, in media order
 * @param imageFiles hashes of the image files the tool wrote, in log order
 * @param notes what the reader assumed or left out, in plain words (e.g. a hash algorithm it cannot
 *     calculate), in log order
 */
public record AcquisitionLog(
    AcquisitionTool tool,
    DigestSet mediaHashes,
    List<LoggedRange> ranges,
    List<LoggedFile> imageFiles,
    List<String> notes) {

  /** @throws IllegalArgumentException when there is no hash of the whole media */
  public AcquisitionLog {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(mediaHashes, "mediaHashes");
    if (mediaHashes.isEmpty()) {
      throw new IllegalArgumentException("an acquisition log needs at least one hash of the whole media");
    }
    ranges = List.copyOf(ranges);
    imageFiles = List.copyOf(imageFiles);
    notes = List.copyOf(notes);
  }

  /**
   * Reads an acquisition log, streaming it line by line; the format is recognised from the content, not
   * the name.
   *
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   * @throws AcquisitionLogException if it is not a log this reader knows, holds no hash of the whole media,
   *     holds two different whole-media hashes for one algorithm, a malformed hash, or reports a failed
   *     verification; the message names the file and line
   * @throws IOException if the file cannot be read
   */
  public static AcquisitionLog read(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ)) {
      return read(in, file.toString());
    }
  }

  /**
   * Reads an acquisition log from a stream (not closed); {@code name} is used in error messages.
   *
   * @see #read(Path)
   */
  public static AcquisitionLog read(InputStream in, String name) throws IOException {
    return AcquisitionLogReader.read(Objects.requireNonNull(in, "in"), Objects.requireNonNull(name, "name"));
  }
}
