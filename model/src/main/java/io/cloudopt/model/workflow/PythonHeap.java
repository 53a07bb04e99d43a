package io.cloudopt.model.workflow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Python's {@code heapq} ({@code heappush}, {@code heappop} with {@code _siftdown}/{@code _siftup}),
 * line for line, over a strict "less than" that may leave two entries unordered both ways. The
 * original simulator's queue order among such entries is whatever this algorithm produces, so
 * parity needs the algorithm itself, not just a priority queue (problems/workflow.md P3).
 *
 * <p>With a key order (the total order behind {@code less}), the heap also keeps its entries
 * sorted by key and counts equal-key neighbours, so that {@link #rebuild()} — the original's
 * pop-all/push-all at every dequeue — costs a copy instead of q pops and pushes when no two keys
 * are equal (the usual case).
 */
final class PythonHeap<T> {
    /** Python's {@code <} on two entries. */
    @FunctionalInterface
    interface Less<T> {
        boolean lessThan(T a, T b);
    }

    private final List<T> heap = new ArrayList<>();
    private final Less<T> less;
    private final Comparator<T> keyOrder;
    private final List<T> sorted;
    private int equalNeighbours;

    /**
     * @param less     Python's {@code <} on entries: a strict weak order
     * @param keyOrder the total order of the keys behind {@code less} (two entries compare equal
     *                 exactly when neither is less than the other), or null
     */
    PythonHeap(Less<T> less, Comparator<T> keyOrder) {
        this.less = less;
        this.keyOrder = keyOrder;
        this.sorted = keyOrder == null ? null : new ArrayList<>();
    }

    PythonHeap(Less<T> less) {
        this(less, null);
    }

    int size() {
        return heap.size();
    }

    boolean isEmpty() {
        return heap.isEmpty();
    }

    T peek() {
        return heap.get(0);
    }

    void push(T item) {
        rawPush(item);
        if (sorted != null) {
            int at = sorted.size();
            while (at > 0 && keyOrder.compare(sorted.get(at - 1), item) > 0) {
                at--;
            }
            sorted.add(at, item);
            if (at > 0 && keyOrder.compare(sorted.get(at - 1), item) == 0) {
                equalNeighbours++;
            }
        }
    }

    T pop() {
        T top = rawPop();
        if (sorted != null) {
            int at = 0;
            while (sorted.get(at) != top) {
                at++;
            }
            boolean left = at > 0 && keyOrder.compare(sorted.get(at - 1), top) == 0;
            boolean right = at + 1 < sorted.size() && keyOrder.compare(sorted.get(at + 1), top) == 0;
            sorted.remove(at);
            equalNeighbours -= (left ? 1 : 0) + (right ? 1 : 0);
            if (left && right) {
                equalNeighbours++;
            }
        }
        return top;
    }

    /**
     * Pops every entry and pushes it again in pop order, as the original's re-sort at dequeue does.
     * Under a strict weak order pops come out in key order and pushing them back in that order
     * leaves them in that order, so when no two keys are equal the result is the entries sorted by
     * key. With equal keys the pop order among them depends on the heap's shape: the pops decide.
     */
    void rebuild() {
        if (sorted != null && equalNeighbours == 0) {
            heap.clear();
            heap.addAll(sorted);
            return;
        }
        int count = heap.size();
        List<T> popped = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            popped.add(rawPop());
        }
        for (T item : popped) {
            rawPush(item);
        }
    }

    /** A copy whose entries are {@code map}ped (each entry once, the same object in both orders). */
    PythonHeap<T> copy(UnaryOperator<T> map) {
        PythonHeap<T> copy = new PythonHeap<>(less, keyOrder);
        Map<T, T> mapped = new IdentityHashMap<>();
        for (T item : heap) {
            copy.heap.add(mapped.computeIfAbsent(item, map));
        }
        if (sorted != null) {
            for (T item : sorted) {
                copy.sorted.add(mapped.get(item));
            }
            copy.equalNeighbours = equalNeighbours;
        }
        return copy;
    }

    private void rawPush(T item) {
        heap.add(item);
        siftDown(0, heap.size() - 1);
    }

    private T rawPop() {
        T last = heap.remove(heap.size() - 1);
        if (heap.isEmpty()) {
            return last;
        }
        T top = heap.get(0);
        heap.set(0, last);
        siftUp(0);
        return top;
    }

    private void siftDown(int start, int pos) {
        T item = heap.get(pos);
        while (pos > start) {
            int parentPos = (pos - 1) >> 1;
            T parent = heap.get(parentPos);
            if (less.lessThan(item, parent)) {
                heap.set(pos, parent);
                pos = parentPos;
                continue;
            }
            break;
        }
        heap.set(pos, item);
    }

    private void siftUp(int pos) {
        int end = heap.size();
        int start = pos;
        T item = heap.get(pos);
        int child = 2 * pos + 1;
        while (child < end) {
            int right = child + 1;
            if (right < end && !less.lessThan(heap.get(child), heap.get(right))) {
                child = right;
            }
            heap.set(pos, heap.get(child));
            pos = child;
            child = 2 * pos + 1;
        }
        heap.set(pos, item);
        siftDown(start, pos);
    }
}
