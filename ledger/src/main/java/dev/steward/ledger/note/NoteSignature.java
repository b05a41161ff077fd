package dev.steward.ledger.note;

/** One signature line of a note: key name, key ID and the raw signature bytes. */
public record NoteSignature(String name, int keyId, byte[] signature) {

    public NoteSignature {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
