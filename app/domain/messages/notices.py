"""The catalogue's texts of letters and of the art. 10 notice's life (issue 15 part 6): one
notice a round, its dates in order (art. 10 § 1, art. 44, art. 79a KPA), and the answer a
decision gives to the party's comments (art. 107 § 3 KPA)."""

from __future__ import annotations

from app.domain.messages.codes import N_, Code, MessageCode, Template

TEXTS: dict[MessageCode, Template] = {
    Code.LETTER_ALREADY_ISSUED: Template(
        N_("Zawiadomienie o możliwości wypowiedzenia się (art. 10 § 1 KPA) w tej sprawie zostało "
           "już wystawione; strona otrzymuje jedno."),
        "The notice of the right to comment (art. 10 § 1 KPA) has already been issued in this "
        "case; the party receives one."),
    Code.LETTER_ALREADY_ISSUED_ON: Template(
        N_("Zawiadomienie wystawiono już dnia %(issued_on)s; nie wystawia się drugiego."),
        "The notice was already issued on %(issued_on)s; a second one is not issued."),
    Code.RULE_NOTICE_SENT_BEFORE_ISSUE: Template(
        N_("Zawiadomienie nie mogło zostać wysłane (%(sent_on)s) przed jego wystawieniem "
           "(%(issued_on)s) (%(article)s)."),
        "The notice cannot have been sent (%(sent_on)s) before it was issued (%(issued_on)s) "
        "(%(article)s)."),
    Code.RULE_NOTICE_DELIVERY_BEFORE_ISSUE: Template(
        N_("Zawiadomienie nie mogło zostać doręczone (%(delivered_on)s) przed jego wystawieniem "
           "(%(issued_on)s) (%(article)s)."),
        "The notice cannot have been delivered (%(delivered_on)s) before it was issued "
        "(%(issued_on)s) (%(article)s)."),
    Code.RULE_NOTICE_DELIVERY_BEFORE_SENDING: Template(
        N_("Zawiadomienie nie mogło zostać doręczone (%(delivered_on)s) przed jego wysłaniem "
           "(%(sent_on)s) (%(article)s)."),
        "The notice cannot have been delivered (%(delivered_on)s) before it was sent "
        "(%(sent_on)s) (%(article)s)."),
    Code.RULE_NOTICE_FIRST_NOTICE_BEFORE_SENDING: Template(
        N_("Awizo (%(first_notice_on)s) nie mogło zostać pozostawione przed wysłaniem "
           "zawiadomienia (%(sent_on)s) (%(article)s)."),
        "The post notice (%(first_notice_on)s) cannot have been left before the notice was sent "
        "(%(sent_on)s) (%(article)s)."),
    Code.RULE_NOTICE_DELIVERY_BEFORE_FIRST_NOTICE: Template(
        N_("Zawiadomienie nie mogło zostać doręczone (%(delivered_on)s) przed pozostawieniem "
           "awiza (%(first_notice_on)s) (%(article)s)."),
        "The notice cannot have been delivered (%(delivered_on)s) before the post notice "
        "(%(first_notice_on)s) (%(article)s)."),
    Code.RULE_NOTICE_DELIVERED_AFTER_DEEMED: Template(
        N_("Zawiadomienie uważa się za doręczone dnia %(deemed_on)s; nie można wpisać "
           "późniejszej daty doręczenia (%(delivered_on)s) (%(article)s)."),
        "The notice counts as delivered on %(deemed_on)s; a later delivery date "
        "(%(delivered_on)s) cannot be recorded (%(article)s)."),
    Code.RULE_COMMENTS_BEFORE_NOTICE: Template(
        N_("Wypowiedź strony (%(received_on)s) nie mogła wpłynąć przed wystawieniem zawiadomienia"
           " (%(issued_on)s) (%(article)s)."),
        "The party's comments (%(received_on)s) cannot have been received before the notice was "
        "issued (%(issued_on)s) (%(article)s)."),
    Code.RULE_COMMENTS_UNANSWERED: Template(
        N_("Strona wypowiedziała się co do zebranych dowodów (%(received_on)s); uzasadnienie "
           "decyzji musi się do tej wypowiedzi odnieść (%(article)s)."),
        "The party commented on the evidence (%(received_on)s); the decision's justification must"
        " address the comments (%(article)s)."),
}
