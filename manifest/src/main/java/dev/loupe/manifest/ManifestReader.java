package dev.loupe.manifest;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams a Ground Truth manifest one line at a time, so that memory does not grow with the
 * file (the service accepted manifests of up to 1 GB). UTF-8 with an optional byte order mark;
 * blank lines are skipped; every other line becomes a {@link ManifestEntry} or an
 * {@link InvalidLine}. Bytes that are not UTF-8 end the stream with a {@link ManifestException}
 * naming the line.
 *
 * <pre>{@code
 * try (ManifestReader r = ManifestReader.open(path)) {
 *     r.lines().forEach(line -> ...);
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one reader belongs to one thread.
 */
public final class ManifestReader implements Closeable, Iterable<ManifestLine> {
    private static final ManifestLineParser PARSER = new ManifestLineParser();

    /** Lines longer than this are not decoded; the service's own limit is far lower (8192 chars). */
    private static final int MAX_LINE_BYTES = 1 << 20;

    private final InputStream in;
    private final CharsetDecoder decoder;
    private byte[] buffer = new byte[8192];
    private final String fileName;
    private long lineNumber;
    private boolean iterated;

    private ManifestReader(InputStream stream, String fileName) {
        // Lines are split on bytes and decoded one at a time, so that bad UTF-8 names its line.
        this.decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.in = new BufferedInputStream(stream, 1 << 16);
        this.fileName = fileName;
    }

    /** Opens a manifest file; problems name it by {@code file.toString()}. */
    public static ManifestReader open(Path file) throws IOException {
        return new ManifestReader(Files.newInputStream(file), file.toString());
    }

    /** Reads a manifest from a stream (closed with the reader); problems name it {@code fileName}. */
    public static ManifestReader open(InputStream stream, String fileName) {
        return new ManifestReader(stream, fileName);
    }

    /**
     * Parses one line of text as line {@code line} of {@code file}, without a reader. Useful for
     * callers that hold lines already (a dataset's entries, an API request's changes).
     */
    public static ManifestLine parseLine(String file, long line, String text) {
        return PARSER.parse(file, line, text);
    }

    /** The name problems are reported under. */
    public String fileName() {
        return fileName;
    }

    /** The lines, lazily. May be consumed once. */
    public Stream<ManifestLine> lines() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public Iterator<ManifestLine> iterator() {
        if (iterated) {
            throw new IllegalStateException("a manifest reader can be iterated once");
        }
        iterated = true;
        return new Iterator<>() {
            private ManifestLine next = advance();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public ManifestLine next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                ManifestLine current = next;
                next = advance();
                return current;
            }
        };
    }

    private ManifestLine advance() {
        try {
            int length;
            while ((length = readLineBytes()) >= 0) {
                lineNumber++;
                if (length > MAX_LINE_BYTES) {
                    return new InvalidLine(lineNumber, List.of(new ManifestProblem(fileName, lineNumber, "",
                            "line is longer than " + MAX_LINE_BYTES + " bytes")));
                }
                String text;
                try {
                    text = decoder.decode(ByteBuffer.wrap(buffer, 0, length)).toString();
                } catch (CharacterCodingException e) {
                    throw new ManifestException(new ManifestProblem(fileName, lineNumber, "",
                            "not UTF-8 text (" + e + ")"));
                }
                if (lineNumber == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                    text = text.substring(1);
                }
                if (!text.isBlank()) {
                    return PARSER.parse(fileName, lineNumber, text.strip());
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("reading manifest " + fileName + " at line " + (lineNumber + 1), e);
        }
    }

    /**
     * Reads the next line's bytes (without the line end) into {@code buffer}; returns its length,
     * a length over the limit for an overlong line (whose bytes are skipped), or -1 at the end.
     */
    private int readLineBytes() throws IOException {
        int n = 0;
        int b;
        boolean any = false;
        while ((b = in.read()) >= 0) {
            any = true;
            if (b == '\n') {
                break;
            }
            if (n < MAX_LINE_BYTES + 1) {
                if (n == buffer.length) {
                    buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_LINE_BYTES + 1));
                }
                buffer[n] = (byte) b;
            }
            n++;
        }
        if (!any) {
            return -1;
        }
        if (n > MAX_LINE_BYTES) {
            return n;
        }
        return n > 0 && buffer[n - 1] == '\r' ? n - 1 : n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
