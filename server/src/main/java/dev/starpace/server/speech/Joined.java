package dev.starpace.server.speech;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** Two lists read as one, without copying either: the answer so far followed by the words still guessed. */
final class Joined<T> extends AbstractList<T> implements RandomAccess {
    private final List<T> head;
    private final List<T> tail;

    private Joined(List<T> head, List<T> tail) {
        this.head = head;
        this.tail = tail;
    }

    static <T> List<T> of(List<T> head, List<T> tail) {
        return tail.isEmpty() ? head : new Joined<>(head, tail);
    }

    @Override
    public T get(int index) {
        return index < head.size() ? head.get(index) : tail.get(index - head.size());
    }

    @Override
    public int size() {
        return head.size() + tail.size();
    }
}
