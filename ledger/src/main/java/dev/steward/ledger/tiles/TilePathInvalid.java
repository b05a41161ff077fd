package dev.steward.ledger.tiles;

/** A tile or entry-bundle path does not follow the C2SP tlog-tiles grammar. */
public class TilePathInvalid extends RuntimeException {

    public TilePathInvalid(String message) {
        super(message);
    }
}
