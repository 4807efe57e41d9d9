package dev.forensics.cli;

import dev.forensics.hash.HashProgress;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A one-line progress bar on stderr (bytes, rate, ETA), redrawn a few times a second by a daemon
 * thread. Shown only when stderr is a terminal and TERM is not {@code dumb}, unless forced.
 */
final class ProgressBar implements AutoCloseable {

  private final HashProgress progress;
  private final PrintWriter err;
  private final Thread thread;
  private final long start = System.nanoTime();
  private volatile boolean running = true;
  private int lastWidth;

  private ProgressBar(HashProgress progress, PrintWriter err) {
    this.progress = progress;
    this.err = err;
    this.thread = new Thread(this::run, "forensics-progress");
    this.thread.setDaemon(true);
  }

  /**
   * Starts a bar when {@code forced} is true, or when it is null and stderr is a terminal; otherwise
   * returns a bar that draws nothing.
   */
  static ProgressBar start(HashProgress progress, PrintWriter err, Boolean forced) {
    ProgressBar bar = new ProgressBar(progress, err);
    boolean show = forced != null ? forced : stderrIsTerminal();
    if (show) {
      bar.thread.start();
    } else {
      bar.running = false;
    }
    return bar;
  }

  /** Whether the bar is drawn. */
  boolean shown() {
    return thread.isAlive();
  }

  /** Whether file descriptor 2 is a terminal (Linux and similar: /proc/self/fd/2 points at a tty). */
  static boolean stderrIsTerminal() {
    String term = System.getenv("TERM");
    if (term == null || term.equals("dumb")) {
      return false;
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      return false;
    }
  }

  private void run() {
    while (running) {
      draw();
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private synchronized void draw() {
    long total = progress.totalBytes();
    long done = progress.doneBytes();
    double secs = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
    double rate = done / secs;
    int pct = total > 0 ? (int) Math.min(100, done * 100 / total) : 0;
    int width = 24;
    int filled = total > 0 ? (int) Math.min(width, done * width / total) : 0;
    String eta = rate > 0 && total > done ? clock((long) ((total - done) / rate)) : "--:--";
    if (total == 0) {
      String line =
          String.format(
              Locale.ROOT, "%s %s/s %d files", bytes(done), bytes((long) rate), progress.doneFiles());
      err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
      err.flush();
      lastWidth = line.length();
      return;
    }
    String line =
        String.format(
            Locale.ROOT,
            "[%s%s] %3d%% %s/%s %s/s ETA %s %d/%d files",
            "#".repeat(filled),
            " ".repeat(width - filled),
            pct,
            bytes(done),
            bytes(total),
            bytes((long) rate),
            eta,
            progress.doneFiles(),
            progress.totalFiles());
    err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
    err.flush();
    lastWidth = line.length();
  }

  static String bytes(long n) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return u == 0 ? n + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  private static String clock(long seconds) {
    return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  @Override
  public void close() {
    if (!thread.isAlive()) {
      return;
    }
    running = false;
    thread.interrupt();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      err.print("\r" + " ".repeat(lastWidth) + "\r");
      err.flush();
    }
  }
}
