package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.otlp.codec.OtlpDecodeResult;
import dev.otelmcp.otlp.codec.OtlpDecodingException;
import dev.otelmcp.otlp.codec.OtlpJsonDecoder;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.model.Span;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads OTLP/JSON files for {@code --load}: one {@code ExportTraceServiceRequest}/{@code TracesData} per file,
 * or JSON Lines as the OpenTelemetry Collector's file exporter writes them; gzip-compressed or not.
 */
final class OtlpFileLoader {

  private static final Logger LOG = LoggerFactory.getLogger(OtlpFileLoader.class);

  private static final List<String> EXTENSIONS = List.of(".json", ".jsonl", ".json.gz", ".jsonl.gz");

  private OtlpFileLoader() {}

  /**
   * The files a {@code --load} path stands for: the file itself, or a directory's {@code .json}, {@code .jsonl}
   * (and {@code .gz}) files, sorted by name (subdirectories are not entered).
   *
   * @throws InvalidQueryException when the path does not exist
   */
  static List<Path> files(Path path) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new InvalidQueryException("setting 'load': no such file or directory: " + path.toAbsolutePath(),
          "Give an OTLP/JSON file (.json, .jsonl, optionally .gz) or a directory of them.");
    }
    try (Stream<Path> listing = Files.list(path)) {
      List<Path> files = new ArrayList<>();
      listing.filter(Files::isRegularFile).filter(OtlpFileLoader::hasDataExtension).sorted().forEach(files::add);
      return files;
    } catch (IOException e) {
      throw new InvalidQueryException("setting 'load': cannot list " + path + ": " + e.getMessage(),
          "Check the directory's permissions.");
    }
  }

  static boolean hasDataExtension(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  /**
   * Decodes one file; gzip is recognised by its magic bytes.
   *
   * @throws IOException when it cannot be read
   * @throws dev.otelmcp.otlp.codec.OtlpDecodingException when it is not OTLP/JSON
   */
  static OtlpDecodeResult read(Path file, OtlpJsonDecoder decoder) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      raw.mark(2);
      int first = raw.read();
      int second = raw.read();
      raw.reset();
      boolean gzip = first == 0x1f && second == 0x8b;
      try (InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
        return decoder.decode(in);
      }
    }
  }

  /**
   * Reads every file the paths stand for; a file that cannot be read or is not OTLP/JSON is reported to
   * {@code problems} and skipped.
   */
  static List<Span> readAll(List<Path> paths, OtlpJsonDecoder decoder, Consumer<String> problems) {
    List<Span> spans = new ArrayList<>();
    for (Path path : paths) {
      for (Path file : files(path)) {
        try {
          OtlpDecodeResult decoded = read(file, decoder);
          spans.addAll(decoded.spans());
          LOG.info("read {} spans from {}{}", decoded.spans().size(), file,
              decoded.isLossy() ? " (" + decoded.skippedSpans() + " unreadable spans skipped)" : "");
        } catch (IOException | OtlpDecodingException e) {
          problems.accept("could not load " + file + ": " + e.getMessage());
        }
      }
    }
    return spans;
  }
}
