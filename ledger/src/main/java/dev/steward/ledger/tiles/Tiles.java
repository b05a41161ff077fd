package dev.steward.ledger.tiles;

/**
 * C2SP tlog-tiles layout with tile height 8: paths ({@code tile/<L>/<N>[.p/<W>]},
 * {@code tile/entries/<N>[.p/<W>]}), their parsing, and tile arithmetic.
 *
 * <p>The tile at level {@code l} and index {@code n} holds the hashes of tree level {@code 8l},
 * indices {@code [256n, 256n + 256)}; its width at tree size {@code s} is
 * {@code floor(s / 256^l) - 256n}, capped at 256.
 */
public final class Tiles {

    public static final int HEIGHT = 8;
    public static final int WIDTH = 256;
    public static final int MAX_LEVEL = 63;

    private Tiles() {
    }

    /** The {@code <N>} element: 3-digit groups, all but the last prefixed by {@code x}. */
    public static String indexPath(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative tile index");
        }
        String last = String.format("%03d", n % 1000);
        StringBuilder sb = new StringBuilder();
        for (long rest = n / 1000; rest > 0; rest /= 1000) {
            sb.insert(0, String.format("x%03d/", rest % 1000));
        }
        return sb.append(last).toString();
    }

    /** {@code <N>} followed by {@code .p/<W>} when the width is below 256 (0 or 256 mean full). */
    public static String indexPath(long n, int width) {
        checkWidth(width);
        return width == 0 || width == WIDTH ? indexPath(n) : indexPath(n) + ".p/" + width;
    }

    public static String tilePath(int level, long n, int width) {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("tile level " + level);
        }
        return "tile/" + level + "/" + indexPath(n, width);
    }

    public static String entriesPath(long n, int width) {
        return "tile/entries/" + indexPath(n, width);
    }

    /** Path of the entry bundle holding entry {@code index} in a log of {@code logSize} entries. */
    public static String entriesPathForLogIndex(long index, long logSize) {
        return entriesPath(index / WIDTH, partialWidth(0, logSize, index / WIDTH));
    }

    /** Width of tile {@code n} at {@code level} in a tree of {@code size}: 0 if it is full (or absent), else 1..255. */
    public static int partialWidth(int level, long size, long n) {
        long hashes = hashesAtLevel(level, size);
        long full = hashes / WIDTH;
        return n < full ? 0 : (int) (hashes % WIDTH);
    }

    /** Number of tree nodes at tree level {@code 8 * level} for a tree of {@code size} leaves. */
    public static long hashesAtLevel(int level, long size) {
        int shift = HEIGHT * level;
        return shift >= 64 ? 0 : size >>> shift;
    }

    /** Number of full tiles at {@code level} for a tree of {@code size}. */
    public static long fullTiles(int level, long size) {
        return hashesAtLevel(level, size) / WIDTH;
    }

    /** Width of the last, partial tile at {@code level}; 0 if there is none. */
    public static int partialTileWidth(int level, long size) {
        return (int) (hashesAtLevel(level, size) % WIDTH);
    }

    /** Locates tree node (treeLevel, treeIndex) in the tiles. */
    public static TileNode nodeCoordsToTileAddress(int treeLevel, long treeIndex) {
        int tileLevel = treeLevel / HEIGHT;
        int nodeLevel = treeLevel % HEIGHT;
        long tileIndex = (treeIndex << nodeLevel) / WIDTH;
        long nodeIndex = treeIndex % (WIDTH >> nodeLevel);
        return new TileNode(tileLevel, tileIndex, nodeLevel, nodeIndex);
    }

    /**
     * Parses the {@code <L>} element and the rest {@code <N>[.p/<W>]} of a tile path.
     * Width 256 in the result means a full tile.
     *
     * @throws TilePathInvalid if either part is malformed
     */
    public static TileAddress parseTilePath(String levelPart, String indexPart) {
        int level = parseLevel(levelPart);
        long[] nw = parseIndex(indexPart);
        return new TileAddress(level, nw[0], (int) nw[1]);
    }

    /** Parses {@code <N>[.p/<W>]}; returns {index, width} with width 256 for a full tile. */
    public static long[] parseIndex(String s) {
        String nPart = s;
        int width = WIDTH;
        int p = s.indexOf(".p/");
        if (p >= 0) {
            nPart = s.substring(0, p);
            String w = s.substring(p + 3);
            if (!w.matches("[1-9][0-9]{0,2}")) {
                throw new TilePathInvalid("partial width '" + w + "' is not 1..255");
            }
            width = Integer.parseInt(w);
            if (width > 255) {
                throw new TilePathInvalid("partial width " + width + " is not 1..255");
            }
        } else if (s.contains(".")) {
            throw new TilePathInvalid("malformed index '" + s + "'");
        }
        String[] groups = nPart.split("/", -1);
        if (groups.length > 6) {
            throw new TilePathInvalid("index '" + nPart + "' has too many groups");
        }
        long n = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            boolean last = i == groups.length - 1;
            String digits = last ? g : (g.startsWith("x") ? g.substring(1) : null);
            if (digits == null || !digits.matches("[0-9]{3}")) {
                throw new TilePathInvalid("index group '" + g + "' is malformed");
            }
            n = n * 1000 + Integer.parseInt(digits);
        }
        return new long[] {n, width};
    }

    private static int parseLevel(String s) {
        if (s == null || !s.matches("0|[1-9][0-9]?")) {
            throw new TilePathInvalid("tile level '" + s + "' is not 0..63");
        }
        int level = Integer.parseInt(s);
        if (level > MAX_LEVEL) {
            throw new TilePathInvalid("tile level " + level + " is not 0..63");
        }
        return level;
    }

    private static void checkWidth(int width) {
        if (width < 0 || width > WIDTH) {
            throw new IllegalArgumentException("tile width " + width);
        }
    }
}
