package fazhi.cli;
public class FazhiMain { public static void main(String[] a) {} }
