package dev.starpace.engine;

import java.util.function.Supplier;

/** A value made on first use, once, and shared by every thread after (for models and encoders that load slowly). */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> make;
    private volatile T value;

    public Lazy(Supplier<T> make) {
        this.make = make;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = value = make.get();
                }
            }
        }
        return v;
    }
}
