package cn.gov.jgsw.ops.storage;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitTest {

    /** A store of two maps, a document and its index entry, and the "file" a commit writes them to. */
    private final AtomicLong documents = new AtomicLong();
    private final AtomicLong indexEntries = new AtomicLong();
    private final AtomicLong documentsInFile = new AtomicLong();
    private final List<String> tornCommits = new ArrayList<>();
    private final AtomicInteger commitsWritten = new AtomicInteger();

    @Test
    void everyRequestIsAnsweredOnlyOnceACommitHasWrittenItsChange() throws Exception {
        GroupCommit commits = new GroupCommit(this::commit);
        int requests = 400;
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<Long>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            answers.add(threads.submit(() -> {
                long inserted = commits.run(this::insert);
                // What this request changed must be in the file when it is answered.
                return documentsInFile.get() - inserted;
            }));
        }
        for (Future<Long> answer : answers) {
            assertThat(answer.get(1, TimeUnit.MINUTES)).isGreaterThanOrEqualTo(0);
        }
        threads.shutdown();
        assertThat(documentsInFile.get()).isEqualTo(requests);
        assertThat(tornCommits).isEmpty();
        // Requests finishing during a commit shared the next one.
        assertThat(commitsWritten.get()).isLessThan(requests / 2);
    }

    @Test
    void aFailedCommitFailsTheRequestThatWroteItAndTheNextRequestCommitsAgain() {
        AtomicInteger attempts = new AtomicInteger();
        GroupCommit commits = new GroupCommit(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
            }
            commit();
        });
        assertThatThrownBy(() -> commits.run(this::insert)).hasMessage("disk full");
        commits.run(this::insert);
        assertThat(documentsInFile.get()).isEqualTo(2);
    }

    @Test
    void aFailedRequestIsCommittedAllTheSameForWhatItMayHaveApplied() {
        GroupCommit commits = new GroupCommit(this::commit);
        assertThatThrownBy(() -> commits.run(() -> {
            insert();
            throw new IllegalStateException("second document refused");
        })).hasMessage("second document refused");
        assertThat(documentsInFile.get()).isEqualTo(1);
    }

    @Test
    void aRequestArrivingDuringACommitWaitsForTheNextOne() throws Exception {
        CountDownLatch firstCommitBegun = new CountDownLatch(1);
        CountDownLatch releaseFirstCommit = new CountDownLatch(1);
        GroupCommit commits = new GroupCommit(() -> {
            if (commitsWritten.get() == 0) {
                firstCommitBegun.countDown();
                await(releaseFirstCommit);
            }
            commit();
        });
        ExecutorService threads = Executors.newFixedThreadPool(2);
        Future<?> first = threads.submit(() -> commits.run(this::insert));
        await(firstCommitBegun);
        Future<Long> second = threads.submit(() -> {
            commits.run(this::insert);
            return documentsInFile.get();
        });
        releaseFirstCommit.countDown();
        first.get(10, TimeUnit.SECONDS);
        // The second change waited for the first commit to end, and then needed a commit of its own.
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(commitsWritten.get()).isEqualTo(2);
        threads.shutdown();
    }

    /** Two steps with a pause between, as an insert updates its document and then its index. */
    private long insert() {
        long inserted = documents.incrementAndGet();
        pause();
        indexEntries.incrementAndGet();
        return inserted;
    }

    private void commit() {
        long documentsNow = documents.get();
        long indexEntriesNow = indexEntries.get();
        if (documentsNow != indexEntriesNow) {
            synchronized (tornCommits) {
                tornCommits.add(documentsNow + " documents, " + indexEntriesNow + " index entries");
            }
        }
        pause();
        documentsInFile.set(documentsNow);
        commitsWritten.incrementAndGet();
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
