class Csv {
    static String joinRow(String[] cells) {
        String row = "";
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                row += ",";
            }
            row += cells[i];
        }
        return row;
    }
}
