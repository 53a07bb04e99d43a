package io.cloudopt.model.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The heap behaves as Python's heapq, and its fast rebuild as the pop-all/push-all one. */
class PythonHeapTest {
    /** (key, id): entries with equal keys are unordered both ways, as two workflows arriving together. */
    record Entry(int key, int id) {
    }

    private static boolean less(Entry a, Entry b) {
        return a.key < b.key;
    }

    /** heapq's order for five equal keys pushed 0..4 (_siftup moves the right child up on a tie). */
    @Test
    void popsLikeHeapq() {
        PythonHeap<Entry> heap = new PythonHeap<>(PythonHeapTest::less);
        for (int id = 0; id < 5; id++) {
            heap.push(new Entry(0, id));
        }
        List<Integer> order = new ArrayList<>();
        while (!heap.isEmpty()) {
            order.add(heap.pop().id());
        }
        // Python 3.11, entries whose __lt__ compares the key only:
        // h = []; [heappush(h, E(0, i)) for i in range(5)]; [heappop(h).i for _ in range(5)] == [0, 2, 4, 1, 3]
        assertThat(order).containsExactly(0, 2, 4, 1, 3);
    }

    @Test
    void fastRebuildEqualsTheExactOneWithAndWithoutTies() {
        for (long seed = 0; seed < 300; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            PythonHeap<Entry> exact = new PythonHeap<>(PythonHeapTest::less);
            PythonHeap<Entry> fast = new PythonHeap<>(PythonHeapTest::less, Comparator.comparingInt(Entry::key));
            int id = 0;
            int keyRange = seed % 3 == 0 ? 1000 : 4;
            for (int step = 0; step < 200; step++) {
                int op = random.nextInt(4);
                if (op <= 1 || exact.isEmpty()) {
                    Entry entry = new Entry(random.nextInt(keyRange), id++);
                    exact.push(entry);
                    fast.push(entry);
                } else if (op == 2) {
                    assertThat(fast.pop()).as("seed %d step %d", seed, step).isSameAs(exact.pop());
                } else {
                    exact.rebuild();
                    fast.rebuild();
                }
            }
            while (!exact.isEmpty()) {
                assertThat(fast.pop()).as("seed %d", seed).isSameAs(exact.pop());
            }
        }
    }
}
