package dev.steward.ledger.verify;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Reads a zip file's end-of-central-directory record (and its ZIP64 form) before the archive is
 * opened, so a central directory too large for the verifier's bounds is refused before a zip reader
 * loads it into memory.
 */
final class ZipBounds {

    /** Number of files and central directory bytes an archive declares. */
    record Declared(long files, long directoryBytes) {
    }

    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int EOCD_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;

    private ZipBounds() {
    }

    /** @return what the archive declares, or null if no end record is found (not a zip) */
    static Declared read(Path zip) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(zip.toFile(), "r")) {
            long length = f.length();
            int tail = (int) Math.min(length, EOCD_SIZE + MAX_COMMENT);
            if (tail < EOCD_SIZE) {
                return null;
            }
            byte[] buf = new byte[tail];
            f.seek(length - tail);
            f.readFully(buf);
            ByteBuffer b = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
            for (int at = tail - EOCD_SIZE; at >= 0; at--) {
                if (b.getInt(at) != EOCD) {
                    continue;
                }
                long files = b.getShort(at + 10) & 0xFFFF;
                long directory = b.getInt(at + 12) & 0xFFFFFFFFL;
                long eocdOffset = length - tail + at;
                if ((files == 0xFFFF || directory == 0xFFFFFFFFL) && eocdOffset >= 20) {
                    return zip64(f, eocdOffset, files, directory);
                }
                return new Declared(files, directory);
            }
            return null;
        }
    }

    private static Declared zip64(RandomAccessFile f, long eocdOffset, long files, long directory) throws IOException {
        byte[] loc = new byte[20];
        f.seek(eocdOffset - 20);
        f.readFully(loc);
        ByteBuffer l = ByteBuffer.wrap(loc).order(ByteOrder.LITTLE_ENDIAN);
        if (l.getInt(0) != ZIP64_LOCATOR) {
            return new Declared(files, directory);
        }
        long recordAt = l.getLong(8);
        if (recordAt < 0 || recordAt > f.length() - 56) {
            // a locator pointing nowhere: declare the worst, so the archive is refused
            return new Declared(Long.MAX_VALUE, Long.MAX_VALUE);
        }
        byte[] rec = new byte[56];
        f.seek(recordAt);
        f.readFully(rec);
        ByteBuffer r = ByteBuffer.wrap(rec).order(ByteOrder.LITTLE_ENDIAN);
        if (r.getInt(0) != ZIP64_EOCD) {
            return new Declared(Long.MAX_VALUE, Long.MAX_VALUE);
        }
        long total = r.getLong(32);
        long size = r.getLong(40);
        return new Declared(total < 0 ? Long.MAX_VALUE : total, size < 0 ? Long.MAX_VALUE : size);
    }
}
