package dev.steward.ledger.note;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A C2SP tlog-checkpoint body: origin line, decimal tree size, base64 root hash, then optional
 * non-empty extension lines. This is the text that gets signed as a note.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    public Checkpoint {
        if (origin == null || origin.isEmpty() || origin.contains("\n")) {
            throw new NoteInvalid("checkpoint origin must be one non-empty line");
        }
        if (size < 0) {
            throw new NoteInvalid("checkpoint size must not be negative");
        }
        if (rootHash == null || rootHash.length != 32) {
            throw new NoteInvalid("checkpoint root hash must be 32 bytes");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
        for (String e : extensions) {
            if (e.isEmpty() || e.contains("\n")) {
                throw new NoteInvalid("checkpoint extension lines must be non-empty single lines");
            }
        }
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    public String text() {
        StringBuilder sb = new StringBuilder(origin).append('\n').append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensions.forEach(e -> sb.append(e).append('\n'));
        return sb.toString();
    }

    /** Parses checkpoint text. @throws NoteInvalid if malformed */
    public static Checkpoint parse(String text) {
        if (!text.endsWith("\n")) {
            throw new NoteInvalid("checkpoint text must end with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new NoteInvalid("checkpoint needs origin, size and root hash lines");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new NoteInvalid("checkpoint size '" + lines[1] + "' is not a decimal number");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new NoteInvalid("checkpoint size is too large");
        }
        byte[] root = KeyNames.strictBase64(lines[2], "checkpoint root hash");
        return new Checkpoint(lines[0], size, root, new ArrayList<>(Arrays.asList(lines).subList(3, lines.length)));
    }

    /** Opens a signed checkpoint note with {@code verifier} and parses its text. @throws NoteInvalid */
    public static Checkpoint open(byte[] signedNote, NoteVerifier verifier) {
        return parse(SignedNote.open(signedNote, verifier).text());
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", size " + size + ", root " + HexFormat.of().formatHex(rootHash) + "]";
    }
}
