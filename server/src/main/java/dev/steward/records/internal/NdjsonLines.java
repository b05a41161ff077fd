package dev.steward.records.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads newline-delimited lines from a stream without ever holding more than {@code maxLine}
 * bytes of one line: a longer line is skipped to its end and reported as too long.
 */
public final class NdjsonLines {

    /** One line: its bytes, or {@code tooLong} when it exceeded the limit (bytes then empty). */
    public record Line(int number, byte[] bytes, boolean tooLong) {
    }

    private final InputStream in;
    private final int maxLine;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private int number;
    private boolean eof;

    public NdjsonLines(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /** The next line (empty lines included), or {@code null} at the end of the stream. */
    public Line next() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int length = position - start;
            if (!tooLong) {
                if (line.size() + length > maxLine) {
                    tooLong = true;
                    line.reset();
                } else {
                    line.write(buffer, start, length);
                }
            }
            if (position < limit) {
                position++; // the newline
                break;
            }
        }
        number++;
        byte[] bytes = line.toByteArray();
        if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
            bytes = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        }
        return new Line(number, tooLong ? new byte[0] : bytes, tooLong);
    }

    private boolean fill() {
        if (eof) {
            return false;
        }
        try {
            int n = in.read(buffer);
            if (n <= 0) {
                eof = true;
                return false;
            }
            position = 0;
            limit = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded stream", e);
        }
    }
}
