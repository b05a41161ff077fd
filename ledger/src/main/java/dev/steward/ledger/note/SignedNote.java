package dev.steward.ledger.note;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note: text ending in a newline, a blank line, then signature lines
 * {@code — <name> <base64(key ID || signature)>}, each ending in a newline.
 *
 * <p>{@link #parse} checks the syntax only; {@link #open} additionally requires a valid signature
 * by the given verifier, and rejects an invalid signature that claims to be from it.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    private static final String DASH = "\u2014 ";
    private static final int MAX_SIGNATURES = 100;

    public SignedNote {
        checkText(text);
        signatures = List.copyOf(signatures);
    }

    public static SignedNote of(String text) {
        return new SignedNote(text, List.of());
    }

    /** This note with one more signature, made by {@code signer}. */
    public SignedNote withSignature(NoteSigner signer) {
        List<NoteSignature> sigs = new ArrayList<>(signatures);
        sigs.add(new NoteSignature(signer.name(), signer.keyId(), signer.signature(text)));
        return new SignedNote(text, sigs);
    }

    public String format() {
        StringBuilder sb = new StringBuilder(text).append('\n');
        for (NoteSignature s : signatures) {
            byte[] blob = ByteBuffer.allocate(4 + s.signature().length).putInt(s.keyId()).put(s.signature()).array();
            sb.append(DASH).append(s.name()).append(' ').append(Base64.getEncoder().encodeToString(blob)).append('\n');
        }
        return sb.toString();
    }

    public byte[] bytes() {
        return format().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a signed note's syntax. @throws NoteInvalid if malformed */
    public static SignedNote parse(byte[] message) {
        String msg;
        try {
            msg = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(message)).toString();
        } catch (CharacterCodingException e) {
            throw new NoteInvalid("malformed note: not UTF-8");
        }
        for (int i = 0; i < msg.length(); i++) {
            char c = msg.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new NoteInvalid("malformed note: control character");
            }
        }
        int split = msg.lastIndexOf("\n\n");
        if (split < 0) {
            throw new NoteInvalid("malformed note: no signature block");
        }
        String text = msg.substring(0, split + 1);
        String block = msg.substring(split + 2);
        if (block.isEmpty() || !block.endsWith("\n")) {
            throw new NoteInvalid("malformed note: signature block missing or not newline-terminated");
        }
        List<NoteSignature> sigs = new ArrayList<>();
        for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
            if (sigs.size() == MAX_SIGNATURES) {
                throw new NoteInvalid("malformed note: too many signatures");
            }
            sigs.add(parseLine(line));
        }
        return new SignedNote(text, sigs);
    }

    private static NoteSignature parseLine(String line) {
        if (!line.startsWith(DASH)) {
            throw new NoteInvalid("malformed note: signature line does not start with an em dash");
        }
        String rest = line.substring(DASH.length());
        int sp = rest.indexOf(' ');
        if (sp < 0 || rest.indexOf(' ', sp + 1) >= 0) {
            throw new NoteInvalid("malformed note: signature line is not '— name signature'");
        }
        String name = rest.substring(0, sp);
        if (!KeyNames.valid(name)) {
            throw new NoteInvalid("malformed note: invalid key name");
        }
        byte[] blob = KeyNames.strictBase64(rest.substring(sp + 1), "malformed note: signature");
        if (blob.length < 5) {
            throw new NoteInvalid("malformed note: signature too short");
        }
        int id = ByteBuffer.wrap(blob).getInt();
        return new NoteSignature(name, id, java.util.Arrays.copyOfRange(blob, 4, blob.length));
    }

    /**
     * Parses and verifies a note against one verifier.
     *
     * @return the note, guaranteed to carry a valid signature by {@code verifier}
     * @throws NoteInvalid if malformed, if a signature by the verifier's name and key ID does not
     *     verify, or if there is none
     */
    public static SignedNote open(byte[] message, NoteVerifier verifier) {
        SignedNote note = parse(message);
        boolean verified = false;
        for (NoteSignature s : note.signatures()) {
            if (s.name().equals(verifier.name()) && s.keyId() == verifier.keyId()) {
                if (!verifier.verify(note.text(), s.signature())) {
                    throw new NoteInvalid("invalid signature for key " + verifier.name() + "+"
                            + KeyNames.hex(verifier.keyId()));
                }
                verified = true;
            }
        }
        if (!verified) {
            throw new NoteInvalid("no signature by " + verifier.name() + "+" + KeyNames.hex(verifier.keyId()));
        }
        return note;
    }

    private static void checkText(String text) {
        if (text == null || text.isEmpty() || !text.endsWith("\n")) {
            throw new NoteInvalid("malformed note: text must end with a newline");
        }
    }
}
