package io.tokengovernor.gateway.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The upstream's answer, passed on to the client as it arrives: each chunk is written and flushed at once (SSE
 * {@code ping}s included), and a copy goes to {@code tap}, which learns the usage. One chunk is requested at a
 * time, so a slow client slows the upstream instead of filling memory. When the client is gone (a write fails) or
 * the call is abandoned, the upstream is cancelled and the body completes as {@link #cut() cut}.
 */
final class PassThrough implements HttpResponse.BodySubscriber<Void> {

    /** Receives a copy of every chunk before it is written. */
    interface Tap {
        void accept(byte[] bytes);
    }

    private final OutputStream out;
    private final Tap tap;
    private final CompletableFuture<Void> body = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean cut;

    PassThrough(OutputStream out, Tap tap) {
        this.out = out;
        this.tap = tap;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (cut) {
            subscription.cancel();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> chunks) {
        if (cut) {
            return;
        }
        try {
            for (ByteBuffer chunk : chunks) {
                byte[] bytes = new byte[chunk.remaining()];
                chunk.get(bytes);
                tap.accept(bytes);
                out.write(bytes);
            }
            out.flush();
            subscription.request(1);
        } catch (IOException clientGone) {
            cut();
        }
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        body.complete(null);
    }

    @Override
    public CompletionStage<Void> getBody() {
        return body;
    }

    /** Stops passing bytes on and cancels the upstream (the client left, or the call timed out). */
    void cut() {
        cut = true;
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        body.complete(null);
    }

    boolean wasCut() {
        return cut;
    }
}
