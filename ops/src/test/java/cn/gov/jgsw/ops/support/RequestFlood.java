package cn.gov.jgsw.ops.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A client in a loop: the same request sent many times from four threads at once, for the rate limits' tests. */
public final class RequestFlood {

    private RequestFlood() {
    }

    /** Sends the request {@code times} times, four at once, and answers every answer in the order sent. */
    public static <T> List<T> send(int times, Callable<T> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<T>> pending = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                pending.add(threads.submit(request));
            }
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : pending) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}
