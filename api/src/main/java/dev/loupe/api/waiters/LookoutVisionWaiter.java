package dev.loupe.api.waiters;

import dev.loupe.api.LookoutVision;
import dev.loupe.api.model.DatasetStatus;
import dev.loupe.api.model.DescribeDatasetRequest;
import dev.loupe.api.model.DescribeDatasetResponse;
import dev.loupe.api.model.DescribeModelPackagingJobRequest;
import dev.loupe.api.model.DescribeModelPackagingJobResponse;
import dev.loupe.api.model.DescribeModelRequest;
import dev.loupe.api.model.DescribeModelResponse;
import dev.loupe.api.model.ModelPackagingJobStatus;
import dev.loupe.api.model.ModelStatus;
import dev.loupe.api.model.ResourceNotFoundException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls Describe operations until a resource settles.
 *
 * <pre>{@code
 * DescribeDatasetResponse d = lv.waiter()
 *         .waitUntilDatasetCreated(b -> b.projectName("p").datasetType("train"))
 *         .matched().response().orElseThrow();
 * }</pre>
 *
 * <p>A wait that ends in a failure status, or runs past {@code maxWait}, throws
 * {@link WaiterException}; service errors other than the awaited not-found pass through.
 * Thread-safe; holds no threads (it polls on the caller's).
 */
public final class LookoutVisionWaiter {
    private final LookoutVision client;
    private final Duration pollInterval;
    private final Duration maxWait;

    private LookoutVisionWaiter(Builder b) {
        this.client = Objects.requireNonNull(b.client, "client");
        this.pollInterval = b.pollInterval;
        this.maxWait = b.maxWait;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Until the import ends: CREATE_COMPLETE succeeds, CREATE_FAILED fails. */
    public WaiterResponse<DescribeDatasetResponse> waitUntilDatasetCreated(DescribeDatasetRequest request) {
        return waitForDataset(request, DatasetStatus.CREATE_COMPLETE, DatasetStatus.CREATE_FAILED);
    }

    public WaiterResponse<DescribeDatasetResponse> waitUntilDatasetCreated(
            Consumer<DescribeDatasetRequest.Builder> request) {
        return waitUntilDatasetCreated(build(request));
    }

    /** Until an update ends: UPDATE_COMPLETE succeeds, UPDATE_FAILED_ROLLBACK_COMPLETE fails. */
    public WaiterResponse<DescribeDatasetResponse> waitUntilDatasetUpdated(DescribeDatasetRequest request) {
        return waitForDataset(request, DatasetStatus.UPDATE_COMPLETE, DatasetStatus.UPDATE_FAILED_ROLLBACK_COMPLETE);
    }

    public WaiterResponse<DescribeDatasetResponse> waitUntilDatasetUpdated(
            Consumer<DescribeDatasetRequest.Builder> request) {
        return waitUntilDatasetUpdated(build(request));
    }

    /** Until DescribeDataset answers not found; DELETE_FAILED fails. */
    public WaiterResponse<DescribeDatasetResponse> waitUntilDatasetDeleted(DescribeDatasetRequest request) {
        return poll("dataset " + request.projectName() + "/" + request.datasetType(),
                () -> client.describeDataset(request),
                r -> r.datasetDescription().status() == DatasetStatus.DELETE_FAILED
                        ? r.datasetDescription().statusMessage() : null,
                r -> false, true);
    }

    public WaiterResponse<DescribeDatasetResponse> waitUntilDatasetDeleted(
            Consumer<DescribeDatasetRequest.Builder> request) {
        return waitUntilDatasetDeleted(build(request));
    }

    /** Until training ends: TRAINED succeeds, TRAINING_FAILED fails. */
    public WaiterResponse<DescribeModelResponse> waitUntilModelTrained(DescribeModelRequest request) {
        return waitForModel(request, ModelStatus.TRAINED, ModelStatus.TRAINING_FAILED);
    }

    public WaiterResponse<DescribeModelResponse> waitUntilModelTrained(Consumer<DescribeModelRequest.Builder> request) {
        return waitUntilModelTrained(buildModel(request));
    }

    /** Until hosting starts: HOSTED succeeds, HOSTING_FAILED fails. */
    public WaiterResponse<DescribeModelResponse> waitUntilModelHosted(DescribeModelRequest request) {
        return waitForModel(request, ModelStatus.HOSTED, ModelStatus.HOSTING_FAILED);
    }

    public WaiterResponse<DescribeModelResponse> waitUntilModelHosted(Consumer<DescribeModelRequest.Builder> request) {
        return waitUntilModelHosted(buildModel(request));
    }

    /** Until a stopped model is TRAINED again. */
    public WaiterResponse<DescribeModelResponse> waitUntilModelStopped(DescribeModelRequest request) {
        return waitForModel(request, ModelStatus.TRAINED, null);
    }

    public WaiterResponse<DescribeModelResponse> waitUntilModelStopped(Consumer<DescribeModelRequest.Builder> request) {
        return waitUntilModelStopped(buildModel(request));
    }

    /** Until a packaging job ends: SUCCEEDED succeeds, FAILED fails. */
    public WaiterResponse<DescribeModelPackagingJobResponse> waitUntilPackagingJobDone(
            DescribeModelPackagingJobRequest request) {
        return poll("packaging job " + request.projectName() + "/" + request.jobName(),
                () -> client.describeModelPackagingJob(request),
                r -> r.modelPackagingDescription().status() == ModelPackagingJobStatus.FAILED
                        ? "FAILED: " + r.modelPackagingDescription().statusMessage() : null,
                r -> r.modelPackagingDescription().status() == ModelPackagingJobStatus.SUCCEEDED, false);
    }

    public WaiterResponse<DescribeModelPackagingJobResponse> waitUntilPackagingJobDone(
            Consumer<DescribeModelPackagingJobRequest.Builder> request) {
        DescribeModelPackagingJobRequest.Builder b = DescribeModelPackagingJobRequest.builder();
        request.accept(b);
        return waitUntilPackagingJobDone(b.build());
    }

    private WaiterResponse<DescribeModelResponse> waitForModel(DescribeModelRequest request, ModelStatus success,
                                                              ModelStatus failure) {
        return poll("model " + request.projectName() + "/" + request.modelVersion(),
                () -> client.describeModel(request),
                r -> r.modelDescription().status() == failure && failure != null
                        ? failure + ": " + r.modelDescription().statusMessage() : null,
                r -> r.modelDescription().status() == success, false);
    }

    private static DescribeModelRequest buildModel(Consumer<DescribeModelRequest.Builder> request) {
        DescribeModelRequest.Builder b = DescribeModelRequest.builder();
        request.accept(b);
        return b.build();
    }

    private WaiterResponse<DescribeDatasetResponse> waitForDataset(DescribeDatasetRequest request,
                                                                   DatasetStatus success, DatasetStatus failure) {
        Set<DatasetStatus> done = Set.of(success);
        return poll("dataset " + request.projectName() + "/" + request.datasetType(),
                () -> client.describeDataset(request),
                r -> r.datasetDescription().status() == failure
                        ? failure + ": " + r.datasetDescription().statusMessage() : null,
                r -> done.contains(r.datasetDescription().status()), false);
    }

    /**
     * The polling loop shared by every waiter.
     *
     * @param failure         the failure message for a response in a failure state, else null
     * @param success         whether a response is the awaited one
     * @param notFoundSucceeds whether a ResourceNotFoundException ends the wait successfully
     */
    <T> WaiterResponse<T> poll(String what, Supplier<T> describe, Function<T, String> failure,
                               Predicate<T> success, boolean notFoundSucceeds) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        T last = null;
        for (int attempt = 1; ; attempt++) {
            try {
                last = describe.get();
            } catch (ResourceNotFoundException e) {
                if (notFoundSucceeds) {
                    return new WaiterResponse<>(WaiterResponse.ResponseOrException.exception(e), attempt);
                }
                throw e;
            }
            String failed = failure.apply(last);
            if (failed != null) {
                throw new WaiterException(what + " reached a failure state: " + failed, last);
            }
            if (success.test(last)) {
                return new WaiterResponse<>(WaiterResponse.ResponseOrException.response(last), attempt);
            }
            if (System.nanoTime() > deadline) {
                throw new WaiterException(what + " did not settle within " + maxWait, last);
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WaiterException("interrupted while waiting for " + what, last);
            }
        }
    }

    private static DescribeDatasetRequest build(Consumer<DescribeDatasetRequest.Builder> request) {
        DescribeDatasetRequest.Builder b = DescribeDatasetRequest.builder();
        request.accept(b);
        return b.build();
    }

    /** Builds a {@link LookoutVisionWaiter}; not thread-safe. */
    public static final class Builder {
        private LookoutVision client;
        private Duration pollInterval = Duration.ofMillis(100);
        private Duration maxWait = Duration.ofHours(2);

        private Builder() {
        }

        public Builder client(LookoutVision client) {
            this.client = client;
            return this;
        }

        /** Time between Describe calls; default 100 ms (local work settles fast). */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = Objects.requireNonNull(pollInterval);
            return this;
        }

        /** The longest wait before {@link WaiterException}; default 2 hours (training can be long). */
        public Builder maxWait(Duration maxWait) {
            this.maxWait = Objects.requireNonNull(maxWait);
            return this;
        }

        public LookoutVisionWaiter build() {
            return new LookoutVisionWaiter(this);
        }
    }
}
