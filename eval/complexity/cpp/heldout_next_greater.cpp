// complexity: O(n)
// function: nextGreater
// split: round-2
// why: monotonic stack: each index pushed and popped at most once.
#include <stack>
#include <vector>
using namespace std;

vector<int> nextGreater(const vector<int>& a) {
    vector<int> res(a.size(), -1);
    stack<int> st;
    for (int i = 0; i < (int)a.size(); i++) {
        while (!st.empty() && a[st.top()] < a[i]) {
            res[st.top()] = a[i];
            st.pop();
        }
        st.push(i);
    }
    return res;
}
