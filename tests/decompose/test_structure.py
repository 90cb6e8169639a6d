"""The heading tree and which of its items are tasks."""

from __future__ import annotations

from tuijin.decompose import decompose_text


def _paths(document: str) -> list[list[str]]:
    return [list(task.path) for task in decompose_text(document).tasks]


def _tree(document: str) -> list[tuple]:
    def walk(section):
        yield tuple(section.path), section.marker
        for child in section.children:
            yield from walk(child)

    return [item for section in decompose_text(document).sections for item in walk(section)]


def test_it_nests_the_usual_numbering_styles():
    document = "一、任务\n（一）改革\n1.推进甲\n（1）细化甲。\n①落实甲。"
    assert _tree(document) == [
        (("一",), "一、"),
        (("一", "一"), "（一）"),
        (("一", "一", "1"), "1."),
        (("一", "一", "1", "1"), "（1）"),
        (("一", "一", "1", "1", "1"), "①"),
    ]


def test_it_reads_half_and_full_width_brackets_as_one_style():
    document = "一、任务\n(一)推进甲。\n（二）推进乙。"
    assert _paths(document) == [["一", "一"], ["一", "二"]]


def test_it_reads_dot_and_enumeration_comma_numbering_as_one_style():
    document = "一、任务\n1.推进甲。\n2、推进乙。\n3．推进丙。"
    assert _paths(document) == [["一", "1"], ["一", "2"], ["一", "3"]]


def test_it_splits_items_run_together_in_one_paragraph():
    document = "一、工作要点\n一是加强调度。二是完善机制。三是强化考核。"
    tasks = decompose_text(document).tasks
    assert [(t.path, t.title) for t in tasks] == [
        (("一", "一"), "加强调度"),
        (("一", "二"), "完善机制"),
        (("一", "三"), "强化考核"),
    ]


def test_it_keeps_sub_items_run_into_an_items_own_paragraph_in_that_task():
    document = "一、任务\n（一）强化督导。一是月调度；二是季通报。（牵头单位：省政府办公厅）"
    tasks = decompose_text(document).tasks
    assert [(t.path, t.lead_units) for t in tasks] == [(("一", "一"), ("省政府办公厅",))]


def test_it_lists_sub_items_run_into_a_paragraph_in_the_heading_tree():
    document = "一、任务\n（一）强化督导。一是月调度；二是季通报。"
    assert _tree(document)[2:] == [(("一", "一", "一"), "一是"), (("一", "一", "二"), "二是")]


def test_it_continues_item_numbers_that_run_across_sections():
    document = "一、任务\n（一）甲类\n1.推进甲。\n2.推进乙。\n（二）乙类\n3.推进丙。"
    assert _paths(document)[-1] == ["一", "二", "3"]


def test_it_reads_articles_under_chapters():
    document = "第一章 职责\n第一条 市发展改革委负责统筹协调。\n第二条 市财政局负责资金保障。"
    assert _paths(document) == [["一", "一"], ["一", "二"]]


def test_it_reads_ordinal_items():
    document = "一、工作要求\n第一，加强领导。\n第二，落实责任。"
    assert _paths(document) == [["一", "一"], ["一", "二"]]


def test_it_glues_back_a_sentence_broken_by_a_page_number():
    document = "一、任务\n（一）强化管理。定期抽查落\n\n—4—\n\n实情况，纳入考核。"
    assert decompose_text(document).tasks[0].text == "强化管理。定期抽查落实情况，纳入考核。"


def test_it_glues_back_a_sentence_broken_by_a_hard_wrap():
    document = "一、任务\n1.规范管理。按照《能源管理体系要\n求》建立体系。\n2.推进乙。"
    assert decompose_text(document).tasks[0].text == "规范管理。按照《能源管理体系要求》建立体系。"


def test_it_keeps_a_following_paragraph_as_a_new_line_of_the_item():
    document = "一、任务\n（一）加强领导\n各地要加强领导。\n各部门要密切配合。"
    assert (
        decompose_text(document).tasks[0].text == "加强领导\n各地要加强领导。\n各部门要密切配合。"
    )


def test_it_drops_markdown_bullets_before_markers():
    assert _paths("一、任务\n- (一)推进甲。\n- (二)推进乙。") == [["一", "一"], ["一", "二"]]


def test_it_leaves_web_page_chrome_out_of_the_last_task():
    document = "一、任务\n（一）推进甲。\n\n分享到:\n相關文章:\n本文鏈接:http://example.com/1.html"
    assert decompose_text(document).tasks[-1].text == "推进甲。"


def test_it_leaves_the_signature_out_of_the_last_task():
    document = "一、加强领导。各地要高度重视。\n\n某某县人民政府办公室\n2023年2月10日"
    assert decompose_text(document).tasks[-1].text == "加强领导。各地要高度重视。"


def test_it_makes_no_tasks_of_preamble_sections():
    document = (
        "一、总体要求\n（一）指导思想\n以…为指导。\n（二）基本原则\n1.坚持统筹。\n"
        "二、主要任务\n（一）推进甲。"
    )
    assert _paths(document) == [["二", "一"]]


def test_it_makes_a_section_of_a_top_level_heading_over_a_body():
    document = "一、重大改革\n1.推进甲。\n二、重大项目\n全年实施50个重大项目。"
    assert _paths(document) == [["一", "1"]]


def test_it_makes_a_task_of_a_top_level_item_written_as_an_item():
    document = "一、重大改革\n1.推进甲。\n二、加强组织领导。各地要加强领导。"
    assert _paths(document) == [["一", "1"], ["二"]]


def test_it_makes_a_task_of_a_top_level_heading_whose_body_assigns_the_work():
    document = "一、重大改革\n1.推进甲。\n二、督查考核\n开展专项督查。（牵头单位：省政府督查室）"
    assert _paths(document)[-1] == ["二"]


def test_it_makes_tasks_of_every_item_of_a_flat_document():
    assert _paths("一、提高认识\n各地要提高认识。\n二、落实责任\n各地要落实责任。") == [
        ["一"],
        ["二"],
    ]


def test_it_makes_no_tasks_of_the_list_of_attachments():
    document = "一、任务\n1.推进甲。\n附件：1.重点任务清单\n2. 责任分工表"
    assert _paths(document) == [["一", "1"]]


def test_it_keeps_a_sub_list_broken_over_lines_in_its_item():
    document = "一、任务\n1.推进应用。\n(1)拓展场景；\n(2)推动互认。\n2.推进乙。"
    assert _paths(document) == [["一", "1"], ["一", "2"]]


def test_it_titles_a_task_by_its_opening_clause():
    document = "二、重大改革\n1.加快推进化解产能过剩。严格执行国家化解产能相关政策。"
    assert decompose_text(document).tasks[0].title == "加快推进化解产能过剩"


def test_it_titles_a_task_that_opens_with_its_units_by_the_work():
    document = "一、任务\n（一）省发展改革委牵头，省财政厅配合，加快推进投资审批改革。"
    assert decompose_text(document).tasks[0].title == "加快推进投资审批改革"


def test_it_keeps_the_original_script_in_titles_and_texts():
    task = decompose_text("一、任務\n（一）強化組織領導。建立機制。").tasks[0]
    assert (task.title, task.text) == ("強化組織領導", "強化組織領導。建立機制。")


def test_it_keeps_one_is_items_that_form_one_sentence_in_their_item():
    document = (
        "一、任务\n（一）健全监测机制\n一是完善识别程序；\n二是落实帮扶措施。\n"
        "（县乡村振兴局牵头，各乡镇配合）\n（二）加大帮扶力度。"
    )
    tasks = decompose_text(document).tasks
    assert [(t.path, t.lead_units) for t in tasks] == [
        (("一", "一"), ("县乡村振兴局",)),
        (("一", "二"), ()),
    ]


def test_it_makes_a_task_of_each_unnumbered_paragraph_that_names_its_units():
    document = (
        "一、深化改革\n加快推进甲改革。（牵头单位：省发展改革委）\n"
        "深入推进乙试点。（牵头单位：省财政厅）\n二、扩大开放\n（一）推进丙。"
    )
    tasks = decompose_text(document).tasks
    assert [(t.path, t.title, t.lead_units) for t in tasks] == [
        (("一", "1"), "加快推进甲改革", ("省发展改革委",)),
        (("一", "2"), "深入推进乙试点", ("省财政厅",)),
        (("二", "一"), "推进丙", ()),
    ]


def test_it_keeps_paragraphs_of_one_item_together_when_only_the_last_names_units():
    document = (
        "一、任务\n（一）加强领导\n各地要加强领导。\n各部门要密切配合。（牵头单位：省委办公厅）"
    )
    assert _paths(document) == [["一", "一"]]
