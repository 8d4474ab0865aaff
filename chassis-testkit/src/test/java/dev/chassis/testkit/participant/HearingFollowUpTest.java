package dev.chassis.testkit.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A follow-up heard as a person hears it, in the languages the evaluation's personas speak. */
class HearingFollowUpTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            de | Wann war das zuletzt?
            de | Können Sie ein Beispiel nennen?
            de | Wie war das beim letzten Mal?
            de | Können Sie das genauer beschreiben?
            de | Erzählen Sie von einem konkreten Fall.
            de | Gibt es dafür Beispiele aus der letzten Woche?
            ru | Расскажите, пожалуйста, об этом подробнее.
            ru | Когда так было в последний раз?
            ru | Можете привести пример?
            ru | Приведите какой-нибудь конкретный случай.
            ru | Расскажи поподробнее, как это было.
            ru | Когда это было последний раз?
            pl | Kiedy ostatnio tak było?
            pl | Czy może Pan podać przykład?
            pl | Proszę opowiedzieć o konkretnej sytuacji.
            ja | 最後にあったときは具体的に何が起きましたか。
            ja | もう少し詳しく教えていただけますか。
            ja | 前回はどうでしたか。
            ja | 例を挙げていただけますか。
            ja | 最近あった例を教えてください。
            zh | 最近一次是什么时候？
            zh | 能举个例子吗？
            zh | 具体是什么样的情况？
            th | ครั้งล่าสุดที่เป็นแบบนั้นคือเมื่อไหร่ครับ
            th | ช่วยยกตัวอย่างได้ไหมครับ
            fr | Quel en serait un exemple concret ?
            fr | Que s'est-il passé la dernière fois ?
            es | ¿Cuál sería un ejemplo concreto?
            en | Can you give me an example?
            """)
    void a_question_asking_for_a_concrete_instance_is_a_follow_up(String language, String question) {
        assertThat(Hearing.of(question, language, List.of()).followUp()).as(question).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ja | 仕入れは毎朝市場で自分で見て決めています。 | 「毎朝市場で自分で見て」とおっしゃいましたね。もう少し教えていただけますか。
            ja | 予約はノートに手書きでつけています。 | 「ノートに手書き」というのは、どのような感じでしょうか。
            zh | 我每天早上去市场自己挑菜。 | 您提到“去市场自己挑菜”，能再多讲一点吗？
            th | ผมจดรายการลูกค้าไว้ในสมุดเล่มเล็ก | คุณบอกว่า “จดรายการลูกค้าไว้ในสมุด” ช่วยเล่าเพิ่มอีกหน่อยได้ไหมครับ
            de | Die Termine schreibe ich in einen Kalender an der Kasse. | Sie sagten „in einen Kalender an der Kasse“ – können Sie mir mehr darüber erzählen?
            ru | Клиентов записываю в общую тетрадь у кассы. | Вы сказали: «в общую тетрадь у кассы». Что вы имеете в виду?
            pl | Zamówienia zapisuję w zeszycie przy ladzie. | „w zeszycie przy ladzie” – co Pan przez to rozumie?
            """)
    void three_of_their_own_words_quoted_back_are_a_follow_up(String language, String answer, String question) {
        assertThat(Hearing.of(question, language, List.of(answer)).echo()).as(question).contains(answer);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ru | тетрадь | Вы записываете клиентов в тетради?
            ru | касса | Что лежит у кассы?
            ru | запись | Как вы ведёте записи?
            de | konkret | Gab es einen konkreten Anlass?
            pl | zeszyt | Co Pan zapisuje w zeszycie?
            uk | книга | Що ви записуєте до книги?
            es | concreto | ¿Hubo una situación concreta?
            ja | 手書きする | 予約は手書きで管理されていますか。
            ja | 仕入れる | 仕入れの段取りについて教えてください。
            """)
    void a_keyword_is_heard_in_its_other_forms_where_words_inflect(String language, String keyword, String question) {
        assertThat(Hearing.of(question, language, List.of()).mentions(List.of(keyword))).as(question).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ru | пример | Как вы применяете это?
            ru | касса | Вы слушаете это с кассетами?
            en | store | Tell me the story of that day.
            de | genau | Sie haben vorhin etwas gezahlt.
            ja | 書く | 書類はどこに置いていますか。
            """)
    void another_word_on_the_same_letters_is_not_heard_as_the_keyword(String language, String keyword, String question) {
        assertThat(Hearing.of(question, language, List.of()).mentions(List.of(keyword))).as(question).isFalse();
    }
}
