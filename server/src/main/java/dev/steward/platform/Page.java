package dev.steward.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code items} from offset {@code page * size} of {@code total}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
