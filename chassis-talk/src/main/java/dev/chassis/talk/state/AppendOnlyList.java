package dev.chassis.talk.state;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list that can be extended in O(1) amortised time: {@link #plus} returns a longer list
 * sharing storage with this one. Valid only when a single writer extends the newest list (the
 * session log does so under its lock); older lists keep seeing exactly their own elements, so a
 * snapshot never changes. Elements written before a list is published are visible to every thread
 * that sees the list through a safe publication (the state's volatile reference).
 *
 * @param <T> element type
 */
public final class AppendOnlyList<T> extends AbstractList<T> implements RandomAccess {

    private static final AppendOnlyList<?> EMPTY = new AppendOnlyList<>(new Object[0], 0);

    private final Object[] items;
    private final int size;

    private AppendOnlyList(Object[] items, int size) {
        this.items = items;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    public static <T> AppendOnlyList<T> empty() {
        return (AppendOnlyList<T>) EMPTY;
    }

    /** This list with {@code item} at the end. Call only on the newest list of a chain. */
    public AppendOnlyList<T> plus(T item) {
        Object[] target = items;
        if (size == target.length) {
            target = Arrays.copyOf(items, Math.max(8, size * 2));
        }
        target[size] = item;
        return new AppendOnlyList<>(target, size + 1);
    }

    /**
     * This list with the element at {@code index} replaced, in new storage (O(n): for rare amendments, such as a reply
     * the person heard only part of). Call only on the newest list of a chain.
     */
    public AppendOnlyList<T> replacing(int index, T item) {
        Object[] copy = Arrays.copyOf(items, Math.max(8, size));
        copy[Objects.checkIndex(index, size)] = item;
        return new AppendOnlyList<>(copy, size);
    }

    /** The last element, which must exist. */
    public T last() {
        return get(size - 1);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size);
        }
        return (T) items[index];
    }

    @Override
    public int size() {
        return size;
    }
}
