package dev.forensics.exercise;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * The folder an exercise set is written to. Every path written is a checked relative path resolved
 * inside it; nothing is followed through a symbolic link and nothing is written outside it.
 */
final class OutputFolder {

  private final Path root;

  private OutputFolder(Path root) {
    this.root = root;
  }

  /**
   * Prepares {@code dir}: created when missing; when it holds anything, refused unless {@code force}, and
   * with {@code force} the entries named {@code ours} (what this build writes) are removed first, other
   * entries are left alone.
   */
  static OutputFolder prepare(Path dir, boolean force, List<String> ours) throws IOException, BuildException {
    Path root = dir.toAbsolutePath().normalize();
    if (Files.isSymbolicLink(root)) {
      throw new BuildException(dir + ": the output folder is a symbolic link; give the real folder");
    }
    if (Files.exists(root, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      throw new BuildException(dir + ": exists and is not a folder");
    }
    Files.createDirectories(root);
    OutputFolder out = new OutputFolder(root);
    boolean empty;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
      empty = !ds.iterator().hasNext();
    }
    if (!empty) {
      if (!force) {
        throw new BuildException(dir + ": the output folder is not empty (use --force to replace an earlier build)");
      }
      for (String name : ours) {
        deleteTree(out.resolve(name));
      }
    }
    return out;
  }

  /** The folder, absolute and normalised. */
  Path root() {
    return root;
  }

  /**
   * The path of a relative, {@code /}-separated name inside the folder.
   *
   * @throws BuildException for an absolute name, an empty, {@code .} or {@code ..} component, or a name
   *     that would leave the folder
   */
  Path resolve(String relative) throws BuildException {
    try {
      Paths.requireRelativePath(relative, "path");
    } catch (IllegalArgumentException e) {
      throw new BuildException("refusing to write '" + relative + "': " + e.getMessage());
    }
    Path p = root;
    for (String part : relative.split("/")) {
      p = p.resolve(part);
    }
    p = p.normalize();
    if (!p.startsWith(root) || p.equals(root)) {
      throw new BuildException("refusing to write '" + relative + "': it lies outside the output folder");
    }
    return p;
  }

  /** Creates the folders above {@code file} inside the output folder, refusing a symbolic link among them. */
  void createParents(Path file) throws IOException, BuildException {
    Path parent = file.getParent();
    Path p = root;
    for (Path part : root.relativize(parent)) {
      p = p.resolve(part);
      if (Files.isSymbolicLink(p)) {
        throw new BuildException(p + ": a symbolic link inside the output folder; refusing to write through it");
      }
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(p);
      }
    }
  }

  /**
   * Removes the named top-level entries after a failed build (they were absent or removed before it began),
   * keeping the first failure and adding later ones as suppressed.
   */
  void discard(List<String> names, Exception failure) {
    for (String name : names) {
      try {
        deleteTree(resolve(name));
      } catch (IOException | BuildException e) {
        failure.addSuppressed(e);
      }
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      Files.delete(p);
      return;
    }
    Files.walkFileTree(p, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
