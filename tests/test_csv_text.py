"""A CSV upload read into cells: Arrow's vectorised reader for files whose lines all have the
same number of fields, Python's csv module for the others, with the same cells either way."""

import numpy as np
import pytest

from prestatie.inlezen import csv_text


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        ("a;b;c\r\n1;2;3\r\n4;5;6\r\n", [["a", "b", "c"], ["1", "2", "3"], ["4", "5", "6"]]),
        (  # quoted delimiter, doubled quote, a line break inside quotes, no final newline
            'a;b;c\n"x;y";"q ""z""";3\n4;"twee\nregels";6',
            [["a", "b", "c"], ["x;y", 'q "z"', "3"], ["4", "twee\nregels", "6"]],
        ),
        ("Titel;;\nvhe;huur;label\n0012;€ 612,50;Label b\n",  # Excel pads a title row
         [["Titel", "", ""], ["vhe", "huur", "label"], ["0012", "€ 612,50", "Label b"]]),
        ('a;b;c\n"";" ";\n', [["a", "b", "c"], ["", " ", ""]]),
        ("a;b;c\n1;2\n\n4;5;6;7\n",  # ragged and blank lines: padded to a rectangle
         [["a", "b", "c", ""], ["1", "2", "", ""], ["", "", "", ""], ["4", "5", "6", "7"]]),
        ('a;b;c\n1;2"x;3\n', [["a", "b", "c"], ["1", '2"x', "3"]]),
    ],
)  # fmt: skip
def test_cells_are_kept_as_text_whichever_reader_reads_them(text, cells):
    read = csv_text.read_cells("x.csv", text.encode("utf-8"), 1000)
    assert (read.tolist() if isinstance(read, np.ndarray) else read) == cells


def test_a_rectangular_file_goes_the_vectorised_way_and_a_ragged_one_does_not():
    assert csv_text._rectangle("a;b\n1;2\n", ";").tolist() == [["a", "b"], ["1", "2"]]
    assert csv_text._rectangle("a;b\n1;2;3\n", ";") is None


def test_a_rectangle_of_empty_cells_is_an_empty_file():
    from prestatie.inlezen import uploads
    from prestatie.inlezen.errors import ImportRefused

    with pytest.raises(ImportRefused, match="leeg"):
        uploads.read_sheets("Lefier leeg.csv", b";;\r\n;;\r\n")
    sheet = uploads.read_sheets("Lefier.csv", b"vhe;huur\r\n12;612,50\r\n")[0]
    assert sheet.head(1) == [["vhe", "huur"]]
    assert sheet.cells_from(1).tolist() == [["12", "612,50"]]
