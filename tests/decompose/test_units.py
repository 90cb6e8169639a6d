"""Lead and cooperating units, and the public name-splitting helper."""

from __future__ import annotations

from tuijin.decompose import decompose_text, split_units


def _units(body: str) -> tuple[list[str], list[str]]:
    task = decompose_text(f"一、重点任务\n（一）{body}").tasks[0]
    return list(task.lead_units), list(task.cooperating_units)


def test_it_splits_units_on_enumeration_and_full_width_commas():
    assert split_units("省发展改革委、省财政厅，省商务厅") == [
        "省发展改革委",
        "省财政厅",
        "省商务厅",
    ]


def test_it_keeps_a_name_with_angle_brackets_as_one_unit():
    assert split_units("省煤炭厅〈省煤炭工业深化改革稳定运行领导小组办公室〉、省国土资源厅") == [
        "省煤炭厅〈省煤炭工业深化改革稳定运行领导小组办公室〉",
        "省国土资源厅",
    ]


def test_it_keeps_a_name_with_tortoise_shell_brackets_as_one_unit():
    assert split_units("省经信委、中国〔太原〕煤炭交易中心") == [
        "省经信委",
        "中国〔太原〕煤炭交易中心",
    ]


def test_it_keeps_each_city_and_county_government_as_one_unit():
    assert split_units("省民政厅,各市、县人民政府") == ["省民政厅", "各市、县人民政府"]


def test_it_keeps_bracketed_administrative_levels_in_one_unit():
    assert split_units("各市（州）、县（市、区）人民政府") == ["各市（州）、县（市、区）人民政府"]


def test_it_returns_unit_names_in_the_script_they_were_written_in():
    assert split_units("省財政廳、省發展改革委") == ["省財政廳", "省發展改革委"]


def test_it_drops_the_etcetera_after_the_last_unit():
    assert split_units("省财政厅、省商务厅等有关部门") == ["省财政厅", "省商务厅"]


def test_it_removes_conversion_noise_from_unit_names():
    assert split_units("長春市人民政府辦公廳、市發(fā)展改革委") == [
        "長春市人民政府辦公廳",
        "市發展改革委",
    ]


def test_it_reads_labelled_units_in_half_width_brackets():
    assert _units("加快推进化解产能过剩。(牵头单位:省发展改革委、省经信委)") == (
        ["省发展改革委", "省经信委"],
        [],
    )


def test_it_reads_labelled_units_in_full_width_brackets():
    assert _units("加快推进化解产能过剩。（牵头单位：省发展改革委）") == (["省发展改革委"], [])


def test_it_reads_lead_and_cooperating_labels_separated_by_a_semicolon():
    assert _units("推进改革。（牵头单位：省发展改革委；配合单位：省财政厅、省商务厅）") == (
        ["省发展改革委"],
        ["省财政厅", "省商务厅"],
    )


def test_it_reads_responsible_units_as_lead_units():
    assert _units("推进改革。\n责任单位：省教育厅、省人力资源社会保障厅") == (
        ["省教育厅", "省人力资源社会保障厅"],
        [],
    )


def test_it_reads_the_lead_marked_inside_a_list_of_responsible_units():
    assert _units("推进改革。（责任单位：省委网信办（牵头）、省公安厅）") == (
        ["省委网信办"],
        ["省公安厅"],
    )


def test_it_reads_bracketed_lead_and_cooperating_roles():
    assert _units("推进改革。（省发展改革委牵头，省财政厅配合）") == (
        ["省发展改革委"],
        ["省财政厅"],
    )


def test_it_reads_roles_from_a_bracket_that_also_holds_a_deadline():
    assert _units("推进改革。（省司法厅牵头，省公安厅配合，2020年底前完成）") == (
        ["省司法厅"],
        ["省公安厅"],
    )


def test_it_reads_units_that_open_the_item():
    assert _units("省发展改革委牵头，省财政厅配合，加快推进投资审批改革。") == (
        ["省发展改革委"],
        ["省财政厅"],
    )


def test_it_reads_a_unit_that_leads_together_with_others():
    assert _units("加强经费保障。基金设立工作由省财政厅会同有关部门负责。") == (
        ["省财政厅"],
        ["有关部门"],
    )


def test_it_reads_units_led_and_assisted_in_a_sentence():
    assert _units("建立考核机制。由区委督查室牵头，区直相关单位配合，开展考核。") == (
        ["区委督查室"],
        ["区直相关单位"],
    )


def test_it_reads_units_named_at_the_start_of_the_body():
    assert _units("发展主体。各镇街道、经开区负责辖区内主导产业的培育发展。") == (
        ["各镇街道", "经开区"],
        [],
    )


def test_it_reads_units_in_traditional_script():
    assert _units("推進改革。（牽頭單位：省發展改革委、省財政廳）") == (
        ["省發展改革委", "省財政廳"],
        [],
    )


def test_it_does_not_take_people_for_units():
    assert _units("1名省领导同志牵头。每个产业由1名省领导同志牵头，靠前指挥。") == ([], [])


def test_it_gives_items_the_units_their_heading_names():
    document = "一、重点任务\n（一）深化改革（牵头单位：省发展改革委）\n1.推进甲。\n2.推进乙。"
    tasks = decompose_text(document).tasks
    assert [list(task.lead_units) for task in tasks] == [["省发展改革委"], ["省发展改革委"]]


def test_it_splits_two_units_joined_by_and():
    assert split_units("省发展改革委和省财政厅") == ["省发展改革委", "省财政厅"]


def test_it_keeps_and_inside_a_units_name():
    assert split_units("省住房和城乡建设厅、省人力资源和社会保障厅") == [
        "省住房和城乡建设厅",
        "省人力资源和社会保障厅",
    ]


def test_it_makes_responsible_units_cooperate_beside_a_lead_unit():
    assert _units("推进改革。（牵头单位：国务院办公厅；责任单位：各省级人民政府）") == (
        ["国务院办公厅"],
        ["各省级人民政府"],
    )


def test_it_makes_units_that_share_the_work_cooperate_beside_a_lead_unit():
    assert _units("推进改革。（发展改革委牵头，各有关部门按职责分工负责）") == (
        ["发展改革委"],
        ["各有关部门"],
    )


def test_it_reads_national_bodies_as_units():
    assert _units("推进改革。（共青团中央、中国科协负责）") == (["共青团中央", "中国科协"], [])


def test_it_reads_roles_written_out_inside_a_label():
    assert _units("推进改革。（责任单位：省市场监管局牵头，省公安厅、省税务局配合）") == (
        ["省市场监管局"],
        ["省公安厅", "省税务局"],
    )
