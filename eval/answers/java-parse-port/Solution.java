class Solution {
    static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("out of range");
            }
            return port;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
