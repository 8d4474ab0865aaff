package dev.chassis.bench.talk;

import dev.chassis.bench.Percentiles;
import dev.chassis.models.embed.MiniLmEmbedder;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.talk.Session;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.stage.StagedContext;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The same conversation through the talk harness and through LangChain4j's {@code AiServices} with a
 * {@code MessageWindowChatMemory} and an in-memory embedding retriever over earlier turns, turn by
 * turn in the same run. Both recall earlier turns by embedding similarity with the same
 * all-MiniLM-L6-v2 model; both end at the moment the model request is sent (the harness's own
 * overhead timing; for AiServices, when its chat model is called). Usage:
 * {@code AiServicesComparisonDriver [sessions] [lastTurn]}.
 */
public final class AiServicesComparisonDriver {

    private static final int WINDOW = 10;

    /** What AiServices calls: notes when the request would be sent and answers at once. */
    static final class Recording implements ChatModel {
        volatile long calledAt;

        @Override
        public ChatResponse doChat(ChatRequest request) {
            calledAt = System.nanoTime();
            return ChatResponse.builder().aiMessage(AiMessage.from("Thanks. How did that go?")).build();
        }
    }

    interface Interviewer {
        String reply(String participant);
    }

    public static void main(String[] args) {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int last = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int[] checkpoints = last >= 1000 ? new int[] {10, 100, 400, 1000} : new int[] {10, 100, 400};
        List<String> corpus = Corpus.participantTurns();
        OfflineModel offline = OfflineModel.builder().pacing(Pacing.INSTANT).build();
        TalkHarness harness = TalkHarness.builder().model(offline).fallback(offline).embedder(new MiniLmEmbedder()).build();
        StagedContext staged = harness.stage(Briefings.interview());
        EmbeddingModel embeddings = new AllMiniLmL6V2QuantizedEmbeddingModel();
        String system = staged.prefix();

        Map<Integer, List<Long>> chassis = new LinkedHashMap<>();
        Map<Integer, List<Long>> aiServices = new LinkedHashMap<>();
        for (int c : checkpoints) {
            chassis.put(c, new ArrayList<>());
            aiServices.put(c, new ArrayList<>());
        }
        for (int s = 0; s <= sessions; s++) {
            Recording model = new Recording();
            InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
            Interviewer service = AiServices.builder(Interviewer.class).chatModel(model)
                    .chatMemory(MessageWindowChatMemory.withMaxMessages(20))
                    .contentRetriever(EmbeddingStoreContentRetriever.builder().embeddingStore(store).embeddingModel(embeddings).maxResults(3).build())
                    .systemMessageProvider(id -> system).build();
            try (Session session = harness.open(staged)) {
                session.open(t -> { }).join();
                for (int turn = 1; turn <= checkpoints[checkpoints.length - 1] + WINDOW; turn++) {
                    String text = corpus.get((s * 7919 + turn) % corpus.size());
                    TurnRecord r = session.respond(text, t -> { }).join();
                    long start = System.nanoTime();
                    service.reply(text);
                    long viaAiServices = model.calledAt - start;
                    store.add(embeddings.embed(text).content(), TextSegment.from(text)); // index the turn for later recall, after the reply
                    for (int c : checkpoints) {
                        if (s > 0 && Math.abs(turn - c) <= WINDOW) {
                            chassis.get(c).add(r.timings().overhead().toNanos());
                            aiServices.get(c).add(viaAiServices);
                        }
                    }
                    LockSupport.parkNanos(20_000_000L); // the person's turn: the harness embeds and indexes meanwhile
                }
            }
            if (s > 0) {
                System.out.printf("session %d/%d done%n", s, sessions);
            }
        }
        System.out.println();
        System.out.println("Overhead per turn (utterance in -> model request sent), vector recall over earlier turns on both sides:");
        for (int c : checkpoints) {
            Percentiles a = new Percentiles(chassis.get(c));
            Percentiles b = new Percentiles(aiServices.get(c));
            System.out.printf("  turn %4d  chassis    %s%n", c, a.line());
            System.out.printf("  turn %4d  aiservices %s%n", c, b.line());
            System.out.printf("  turn %4d  ratio aiservices/chassis: p50 %.1fx, p99 %.1fx%n", c, b.percentileMillis(50) / a.percentileMillis(50),
                    b.percentileMillis(99) / a.percentileMillis(99));
        }
    }
}
