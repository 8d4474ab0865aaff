package dev.chassis.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class Bm25IndexTest {

    private static Bm25Index index() {
        Bm25Index index = new Bm25Index();
        index.add(List.of("team", "plan", "week", "board"));          // 0
        index.add(List.of("board", "board", "task"));                  // 1
        index.add(List.of("lunch", "team"));                           // 2
        index.add(List.of("team", "retro", "friday", "team"));         // 3
        return index;
    }

    @Test
    void scores_are_bm25_with_k1_1_2_and_b_0_75() {
        Bm25Index.Hits hits = index().search(Bm25Index.Query.of(List.of("board")), doc -> true, 5);
        // "board" is in 2 of 4 documents; average length 13/4
        double idf = Math.log(1 + (4 - 2 + 0.5) / (2 + 0.5));
        double avg = 13 / 4.0;
        double doc1 = idf * 2 * 2.2 / (2 + 1.2 * (0.25 + 0.75 * 3 / avg));
        double doc0 = idf * 1 * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 4 / avg));
        assertThat(hits.docs()).containsExactly(1, 0);
        assertThat(hits.scores()[0]).isCloseTo(doc1, within(1e-12));
        assertThat(hits.scores()[1]).isCloseTo(doc0, within(1e-12));
    }

    @Test
    void the_filter_limit_and_ties_decide_which_documents_come_back() {
        Bm25Index index = new Bm25Index();
        index.add(List.of("a", "x"));
        index.add(List.of("a", "y"));
        index.add(List.of("a", "z"));
        assertThat(index.search(Bm25Index.Query.of(List.of("a")), doc -> true, 2).docs()).containsExactly(0, 1);
        assertThat(index.search(Bm25Index.Query.of(List.of("a")), doc -> doc > 0, 5).docs()).containsExactly(1, 2);
        assertThat(index.search(Bm25Index.Query.of(List.of("nothing")), doc -> true, 5).size()).isZero();
    }

    @Test
    void a_query_without_common_terms_leaves_out_terms_most_documents_have_and_keeps_only_the_rarest() {
        Bm25Index index = index();
        // "team" is in 3 of 4 documents: not telling; "lunch" is in one
        assertThat(index.search(Bm25Index.Query.of(List.of("team", "lunch")).withoutCommonTerms(), doc -> true, 5).docs()).containsExactly(2);
        assertThat(index.search(Bm25Index.Query.of(List.of("team", "lunch")), doc -> true, 5).docs()).hasSize(3);
        assertThat(index.search(Bm25Index.Query.of(List.of("team", "friday", "board")).withMaxTerms(1), doc -> true, 5).docs())
                .containsExactly(3);
    }
}
